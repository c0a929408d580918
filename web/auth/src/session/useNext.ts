import { safeNext } from '@nexus/client/session';
import { useSearchParams } from 'react-router';

/** Where to go after signing in or registering: the page's `next` parameter when it is a same-origin path, else /account. */
export function useNext(): string {
  const [params] = useSearchParams();
  return safeNext(params.get('next'));
}

/** The same `next`, to pass on to a sibling auth page's link ("Create an account" keeps where the shopper came from). */
export function withNext(path: string, next: string): string {
  return next === '/account' ? path : `${path}?next=${encodeURIComponent(next)}`;
}
