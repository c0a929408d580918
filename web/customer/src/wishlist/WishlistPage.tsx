import { Link } from 'react-router';
import { EmptyState, buttonBase, buttonSizes, buttonVariants, cx, toast } from '@nexus/ui';
import { useClient, useMutation, useQuery } from '@nexus/client/react';
import { AccountWishlistDocument, RemoveWishlistItemDocument } from '../gql/graphql';
import { ListSkeleton } from '../layout/ListSkeleton';
import { PageHeader } from '../layout/PageHeader';
import { errorMessage } from '../lib/errorMessage';
import { LoadFailed } from '../lib/LoadFailed';
import { WishlistItemCard } from './WishlistItemCard';

/** /account/wishlist: saved products (image, name, price from the product subgraph), newest first, each removable. */
export default function WishlistPage() {
  const client = useClient();
  const { data, error, loading, fetching, refetch } = useQuery(AccountWishlistDocument);
  const [remove, { loading: removing }] = useMutation(RemoveWishlistItemDocument);

  const removeItem = async (productId: string, name: string) => {
    try {
      await remove({ productId });
      toast.success(`${name} was removed from your wishlist.`);
      client.invalidate('User');
    } catch (e) {
      toast.error(errorMessage(e as never));
    }
  };

  const items = data?.myAccount.wishlist ?? [];
  return (
    <>
      <PageHeader title="Wishlist" description="Products you saved for later." />
      {loading ? (
        <ListSkeleton label="Loading your wishlist" />
      ) : !data ? (
        <LoadFailed what="your wishlist" error={error} onRetry={refetch} retrying={fetching} />
      ) : items.length === 0 ? (
        <EmptyState
          title="Your wishlist is empty"
          description="Tap the heart on a product to save it here."
          action={
            <Link to="/products" className={cx(buttonBase, buttonVariants.primary, buttonSizes.md)}>
              Browse the catalog
            </Link>
          }
        />
      ) : (
        <ul aria-label="Wishlist" aria-busy={fetching || undefined} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.product.id}>
              <WishlistItemCard item={item} busy={removing} onRemove={() => void removeItem(item.product.id, item.product.name)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
