import { useEffect, useRef, useState } from 'react';
import type { NexusError, QueryState } from '@nexus/client';
import { useClient } from '@nexus/client/react';
import { CatalogProductsDocument, type CatalogProductsQuery, type ProductFilter, type ProductSort } from '../gql/graphql';

/** Products per page of the connection. */
export const PAGE_SIZE = 20;

/** One loaded page of the connection. */
export type CatalogPage = CatalogProductsQuery['products'];
/** The facet counts the first page carries. */
export type CatalogFacets = NonNullable<CatalogPage['facets']>;

/** The first `count` pages of the catalog connection, loaded in order. */
export interface CatalogPages {
  pages: CatalogPage[];
  totalCount: number | null;
  /** The first page's facet counts for these filters; undefined until it has loaded. */
  facets: CatalogFacets | undefined;
  /** No page to show yet (first load or new filters): show skeletons. */
  loading: boolean;
  /** A further requested page is on its way. */
  loadingMore: boolean;
  /** Something is refetching in the background (live update); data stays on screen. */
  fetching: boolean;
  error: NexusError | undefined;
  hasNextPage: boolean;
  retry(): void;
}

type Vars = { filter: ProductFilter; sort: ProductSort | null };

/**
 * Watches pages 1..count of `products`, each page's `after` being the
 * previous page's endCursor; the first page brings the facet counts. Every page is a cached, invalidatable query of
 * the shared client, so a live product change refetches exactly the pages
 * showing it, while the old data stays on screen. `vars` null waits (the
 * category slug is not resolved yet).
 */
export function useCatalogPages(vars: Vars | null, count: number): CatalogPages {
  const client = useClient();
  const key = vars === null ? null : JSON.stringify(vars);
  const [nonce, setNonce] = useState(0);
  const [store, setStore] = useState<{ key: string | null; states: Array<QueryState<CatalogProductsQuery> | undefined> }>({ key: null, states: [] });
  const latest = useRef(store);
  latest.current = store;
  const forcedNonce = useRef(0);

  useEffect(() => {
    if (key === null || vars === null) return undefined;
    let live = true;
    // Only a retry (a new nonce) bypasses the cache; "Load more" re-watches cached pages as they are.
    const opts = nonce !== forcedNonce.current ? { force: true } : undefined;
    forcedNonce.current = nonce;
    const states = latest.current.key === key ? [...latest.current.states] : [];
    const unsubscribers: Array<() => void> = [];
    const watchPage = (index: number, after: string | null) => {
      let chained = false;
      const variables = { first: PAGE_SIZE, after, filter: vars.filter, sort: vars.sort, withFacets: index === 0 };
      unsubscribers.push(
        client.watch(CatalogProductsDocument, variables, (s) => {
          if (!live) return;
          states[index] = s;
          setStore({ key, states: [...states] });
          const info = s.data?.products.pageInfo;
          if (!chained && index + 1 < count && info?.hasNextPage && info.endCursor) {
            chained = true;
            watchPage(index + 1, info.endCursor);
          }
        }, opts),
      );
    };
    watchPage(0, null);
    return () => {
      live = false;
      for (const u of unsubscribers) u();
    };
    // vars is represented by key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, count, nonce]);

  const states = store.key === key ? store.states : [];
  const pages: CatalogPage[] = [];
  let error: NexusError | undefined;
  let fetching = false;
  for (const s of states.slice(0, count)) {
    if (s?.fetching) fetching = true;
    if (!s?.data) {
      error = s?.error;
      break;
    }
    pages.push(s.data.products);
  }
  const last = pages[pages.length - 1];
  const hasNextPage = last?.pageInfo.hasNextPage ?? false;
  return {
    pages,
    totalCount: pages[0]?.totalCount ?? null,
    facets: pages[0]?.facets ?? undefined,
    loading: pages.length === 0 && error === undefined,
    loadingMore: pages.length > 0 && pages.length < count && hasNextPage && error === undefined,
    fetching,
    error,
    hasNextPage,
    retry: () => setNonce((n) => n + 1),
  };
}
