import { Skeleton } from '@nexus/ui';
import { FallbackSearch } from './FallbackSearch.tsx';
import { RemoteSlot } from '../remotes/RemoteSlot.tsx';

function Fallback() {
  return <FallbackSearch />;
}

/**
 * The header search: the product remote's SearchBox (autocomplete) loaded at run time, in its own error boundary.
 * If the remote fails, a plain search form stands in; it swaps to the real box once the remote loads elsewhere.
 */
export function SearchSlot() {
  return <RemoteSlot remote="product" expose="SearchBox" loading={<Skeleton className="h-10 w-full rounded-lg" />} fallback={Fallback} recoverWhenReady />;
}
