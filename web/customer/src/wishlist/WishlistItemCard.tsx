import { Link } from 'react-router';
import { Button, Price, focusRing } from '@nexus/ui';
import type { AccountWishlistQuery } from '../gql/graphql';

type Item = AccountWishlistQuery['myAccount']['wishlist'][number];

/** Props of {@link WishlistItemCard}. */
export interface WishlistItemCardProps {
  item: Item;
  busy: boolean;
  onRemove: () => void;
}

/** A saved product: its primary image, name (a link to its page), price, when it was saved and a remove button. */
export function WishlistItemCard({ item, busy, onRemove }: WishlistItemCardProps) {
  const p = item.product;
  const image = p.images.find((i) => i.isPrimary) ?? p.images[0];
  return (
    <article aria-label={p.name} className="flex h-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="aspect-square bg-zinc-100 dark:bg-zinc-800">
        {image ? (
          <img src={image.url} alt={image.alt || p.name} width={400} height={400} loading="lazy" decoding="async" className="h-full w-full object-cover" />
        ) : (
          <div className="flex h-full items-center justify-center text-sm text-zinc-500" role="img" aria-label={`No image of ${p.name}`}>
            No image
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <h2 className="line-clamp-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">
          <Link to={`/products/${p.slug}`} className={`rounded hover:underline ${focusRing}`}>
            {p.name}
          </Link>
        </h2>
        <Price amount={p.price.amount} currency={p.price.currency} />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Saved {new Date(item.addedAt).toLocaleDateString('en', { dateStyle: 'medium' })}</p>
        <Button size="sm" variant="secondary" className="mt-auto" disabled={busy} aria-label={`Remove ${p.name} from wishlist`} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </article>
  );
}
