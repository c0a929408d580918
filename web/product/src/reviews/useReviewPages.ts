import { useEffect, useRef, useState } from 'react';
import type { NexusError, QueryState } from '@nexus/client';
import { useClient } from '@nexus/client/react';
import { ProductReviewPageDocument, type ProductReviewPageQuery, type ReviewFieldsFragment, type ReviewSort } from '../gql/graphql';

/** Reviews per page ("Show more reviews" adds this many). */
export const REVIEWS_PAGE_SIZE = 10;

/** The first `count` pages of a product's reviews, merged. */
export interface ReviewPages {
  reviews: ReviewFieldsFragment[];
  totalCount: number | null;
  /** Nothing to show yet (first load, or a new sort). */
  loading: boolean;
  /** A further page is on its way. */
  loadingMore: boolean;
  /** A page is refetching in the background (a live change); the list stays on screen. */
  fetching: boolean;
  error: NexusError | undefined;
  hasNextPage: boolean;
  retry(): void;
}

type Page = NonNullable<ProductReviewPageQuery['product']>['reviews'];
const NO_PAGE: Page = { __typename: 'ReviewConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] };

/**
 * The pages' reviews in page order, each once (its first place wins): while a live change refetches the pages one
 * by one, a review can sit on two of them for a moment (a new review pushed it from page 1 to page 2).
 */
export function mergePages<T extends { id: string }>(pages: ReadonlyArray<ReadonlyArray<T>>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const page of pages) for (const r of page) if (!seen.has(r.id)) (seen.add(r.id), out.push(r));
  return out;
}

/**
 * Watches pages 1..count of Product.reviews in one sort, each page's `after` being the previous page's
 * endCursor. Each page is a cached query of the shared client containing Product:<id>, so a live review event
 * (product:updated) refetches every page shown while the old ones stay on screen. A review that moves between
 * pages during such a refetch is shown once (merged by id).
 */
export function useReviewPages(productId: string, sort: ReviewSort, count: number): ReviewPages {
  const client = useClient();
  const key = `${productId}|${sort}`;
  const [nonce, setNonce] = useState(0);
  const [store, setStore] = useState<{ key: string; states: Array<QueryState<ProductReviewPageQuery> | undefined> }>({ key: '', states: [] });
  const latest = useRef(store);
  latest.current = store;
  const forced = useRef(0);

  useEffect(() => {
    let live = true;
    const opts = nonce !== forced.current ? { force: true } : undefined; // only a retry bypasses the cache
    forced.current = nonce;
    const states = latest.current.key === key ? [...latest.current.states] : [];
    const offs: Array<() => void> = [];
    const watchPage = (index: number, after: string | null) => {
      let chained = false;
      offs.push(
        client.watch(ProductReviewPageDocument, { id: productId, first: REVIEWS_PAGE_SIZE, after, sort }, (s) => {
          if (!live) return;
          states[index] = s;
          setStore({ key, states: [...states] });
          const info = s.data?.product?.reviews.pageInfo;
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
      for (const off of offs) off();
    };
  }, [client, key, productId, sort, count, nonce]);

  const states = store.key === key ? store.states : [];
  const pages: Page[] = [];
  let error: NexusError | undefined;
  let fetching = false;
  for (const s of states.slice(0, count)) {
    if (s?.fetching) fetching = true;
    const page = s?.data ? (s.data.product?.reviews ?? NO_PAGE) : undefined; // a product deleted meanwhile has none
    if (!page) {
      error = s?.error;
      break;
    }
    pages.push(page);
  }
  const reviews = mergePages(pages.map((p) => p.edges.map((e) => e.node)));
  const hasNextPage = pages[pages.length - 1]?.pageInfo.hasNextPage ?? false;
  return {
    reviews,
    totalCount: pages[0]?.totalCount ?? null,
    loading: pages.length === 0 && error === undefined,
    loadingMore: pages.length > 0 && pages.length < count && hasNextPage && error === undefined,
    fetching,
    error,
    hasNextPage,
    retry: () => setNonce((n) => n + 1),
  };
}
