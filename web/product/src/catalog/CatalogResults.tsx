import { useEffect, useRef } from 'react';
import { Button, EmptyState, ErrorState } from '@nexus/ui';
import { ProductCard } from '../components/ProductCard';
import { ProductCardSkeleton } from '../components/ProductCardSkeleton';
import { ProductGrid } from '../components/ProductGrid';
import { errorMessage } from '../lib/errorMessage';
import { PAGE_SIZE, type CatalogPages } from './useCatalogPages';

/** Props of {@link CatalogResults}. */
export interface CatalogResultsProps {
  result: CatalogPages;
  /** Filters narrow the results (the empty state then offers to clear them). */
  filtered: boolean;
  onClearFilters(): void;
  onLoadMore(): void;
}

/** Count line, e.g. "Showing 1–20 of 412 products". */
export function countText(shown: number, total: number): string {
  if (total === 0) return 'No products';
  return `Showing 1–${shown} of ${total.toLocaleString('en-US')} ${total === 1 ? 'product' : 'products'}`;
}

/**
 * The results column: skeleton cards while loading, the grid with its count
 * and "Load more", the empty state with "Clear filters", and the error state
 * with "Try again". Refetches keep the cards on screen (aria-busy only).
 */
export function CatalogResults({ result, filtered, onClearFilters, onLoadMore }: CatalogResultsProps) {
  const products = result.pages.flatMap((p) => p.edges.map((e) => e.node));
  const focusFrom = useRef<number | null>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After "Load more", move focus to the first new product so keyboard users continue where the list grew.
    const from = focusFrom.current;
    if (from !== null && products.length > from) {
      focusFrom.current = null;
      list.current?.querySelectorAll<HTMLAnchorElement>('li a')[from]?.focus();
    }
  }, [products.length]);

  if (result.loading) {
    return (
      <div role="status" aria-label="Loading products">
        <ProductGrid busy>
          {Array.from({ length: 8 }, (_, i) => (
            <li key={i}>
              <ProductCardSkeleton />
            </li>
          ))}
        </ProductGrid>
      </div>
    );
  }
  if (products.length === 0 && result.error) {
    return <ErrorState title="We couldn't load products" message={errorMessage(result.error)} onRetry={result.retry} headingLevel={3} />;
  }
  if (products.length === 0) {
    return (
      <EmptyState
        headingLevel={3}
        title="No products match your filters"
        description={filtered ? 'Try removing a filter or searching for something else.' : 'The catalog is empty.'}
        action={filtered ? <Button onClick={onClearFilters}>Clear filters</Button> : undefined}
      />
    );
  }
  return (
    <div ref={list} className="space-y-4">
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {countText(products.length, result.totalCount ?? products.length)}
      </p>
      <ProductGrid label="Products" busy={result.fetching}>
        {products.map((p) => (
          <li key={p.id}>
            <ProductCard product={p} />
          </li>
        ))}
        {result.loadingMore
          ? Array.from({ length: Math.min(PAGE_SIZE, 4) }, (_, i) => (
              <li key={`more-${i}`} aria-hidden="true">
                <ProductCardSkeleton />
              </li>
            ))
          : null}
      </ProductGrid>
      {result.error ? <ErrorState title="We couldn't load more products" message={errorMessage(result.error)} onRetry={result.retry} headingLevel={3} /> : null}
      {result.hasNextPage && !result.error ? (
        <div className="flex justify-center pt-2">
          <Button
            variant="secondary"
            loading={result.loadingMore}
            onClick={() => {
              focusFrom.current = products.length;
              onLoadMore();
            }}
          >
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
