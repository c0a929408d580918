import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { parseState, toSearchParams, type CatalogState } from './filterState';

/** Sets the catalog state; `replace` rewrites the current history entry instead of adding one (used by "Load more"). */
export type SetCatalogState = (next: CatalogState, opts?: { replace?: boolean }) => void;

/**
 * The catalog state read from and written to the URL, its only store: shared
 * links and the back button restore it. A change shows at once (the router
 * applies navigations in a transition, which would briefly snap a clicked
 * checkbox back) and gives way to the URL as soon as the URL changes.
 */
export function useCatalogState(): [CatalogState, SetCatalogState] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const [view, setView] = useState(() => ({ key, state: parseState(key) }));
  let state = view.state;
  if (view.key !== key) {
    state = parseState(key);
    setView({ key, state });
  }
  const set = useCallback<SetCatalogState>(
    (next, opts) => {
      setView((v) => ({ key: v.key, state: next }));
      setParams(toSearchParams(next), { replace: opts?.replace ?? false });
    },
    [setParams],
  );
  return [state, set];
}
