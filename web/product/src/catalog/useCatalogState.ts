import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseState, toSearchParams, type CatalogState } from './filterState';

/** Sets the catalog state; `replace` rewrites the current history entry instead of adding one (used by "Load more"). */
export type SetCatalogState = (next: CatalogState, opts?: { replace?: boolean }) => void;

/** The catalog state read from and written to the URL, its only store: shared links and the back button restore it. */
export function useCatalogState(): [CatalogState, SetCatalogState] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const state = useMemo(() => parseState(key), [key]);
  const set = useCallback<SetCatalogState>((next, opts) => setParams(toSearchParams(next), { replace: opts?.replace ?? false }), [setParams]);
  return [state, set];
}
