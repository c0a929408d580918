import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { IconButton, cx, toast } from '@nexus/ui';
import { useClient, useMutation, useQuery, useSession } from '@nexus/client/react';
import { signInPath } from '@nexus/client/session';
import { AddToWishlistDocument, RemoveFromWishlistDocument, WishlistProductIdsDocument } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';

/** Props of {@link WishlistButton}. */
export interface WishlistButtonProps {
  productId: string;
  /** The product's name, for the button's name ("Add Espresso Cups to wishlist"). */
  productName: string;
  size?: 'sm' | 'md';
  className?: string;
}

/**
 * The heart toggle (aria-pressed) on product cards and the product page. Signed in, it adds or removes the
 * product through the customer subgraph's mutations — the pressed state flips at once and the shared wishlist
 * query is refetched; signed out, it sends the shopper to sign-in and back here (`next`). A lost session does
 * the same; other failures undo the flip and say so in a toast.
 */
export function WishlistButton({ productId, productName, size = 'md', className }: WishlistButtonProps) {
  const client = useClient();
  const { status } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = status === 'signed-in';
  const { data } = useQuery(WishlistProductIdsDocument, undefined, { enabled: signedIn });
  const [add] = useMutation(AddToWishlistDocument);
  const [remove] = useMutation(RemoveFromWishlistDocument);
  const [pending, setPending] = useState<boolean | null>(null);
  const saved = signedIn && (data?.myAccount.wishlist.some((i) => i.product.id === productId) ?? false);
  const pressed = pending ?? saved;

  const toggle = async () => {
    if (!signedIn) {
      navigate(signInPath(location.pathname + location.search));
      return;
    }
    const next = !pressed;
    setPending(next);
    try {
      if (next) await add({ productId });
      else await remove({ productId });
      await client.query(WishlistProductIdsDocument, undefined, { force: true }).catch(() => undefined);
      toast.success(next ? `${productName} was added to your wishlist.` : `${productName} was removed from your wishlist.`, { id: `wishlist:${productId}` });
    } catch (e) {
      const err = e as { code?: string; status?: number; kind: string };
      if (err.code === 'UNAUTHENTICATED' || err.status === 401) navigate(signInPath(location.pathname + location.search));
      else toast.error(errorMessage(err), { id: `wishlist-error:${productId}` });
    } finally {
      setPending(null);
    }
  };

  return (
    <IconButton
      aria-label={pressed ? `Remove ${productName} from wishlist` : `Add ${productName} to wishlist`}
      aria-pressed={pressed}
      disabled={status === 'loading'}
      size={size}
      onClick={() => void toggle()}
      className={cx('bg-white/90 shadow-sm dark:bg-zinc-900/90', className)}
    >
      <svg
        viewBox="0 0 24 24"
        className={cx(size === 'sm' ? 'h-4 w-4' : 'h-5 w-5', pressed ? 'text-rose-600 dark:text-rose-400' : 'text-zinc-600 dark:text-zinc-300')} fill={pressed ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
        <path strokeLinecap="round" strokeLinejoin="round" d="M12 20.5s-7.5-4.6-9.5-9.2C1.2 8.2 3 4.5 6.6 4.5c2.1 0 3.6 1.2 5.4 3.2 1.8-2 3.3-3.2 5.4-3.2 3.6 0 5.4 3.7 4.1 6.8-2 4.6-9.5 9.2-9.5 9.2Z" />
      </svg>
    </IconButton>
  );
}
