import { useState } from 'react';
import { Button, EmptyState } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminProductsDocument } from '../gql/graphql';
import { LoadFailed } from '../lib/LoadFailed';
import { ProductRows } from './ProductRows';
import { toProductFilter, type ProductsFilterState } from './productsFilter';

/** Products per page ("Load more" fetches the next one). */
export const PAGE_SIZE = 25;

/**
 * The filtered product table with cursor pagination, as the users table: the first page gives the total, each
 * "Load more" adds a page (its own query and `<tbody>`) after the previous `endCursor`. Remounted per filter.
 */
export function ProductsTable({ filter, onClear }: { filter: ProductsFilterState; onClear: () => void }) {
  const variables = { first: PAGE_SIZE, after: null, filter: toProductFilter(filter), sort: filter.sort || null };
  const first = useQuery(AdminProductsDocument, variables);
  const [afters, setAfters] = useState<string[]>([]);
  const [last, setLast] = useState<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  const pageInfo = afters.length === 0 ? first.data?.products.pageInfo : last;

  if (first.loading) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading products…
      </p>
    );
  }
  if (!first.data) return <LoadFailed what="the products" error={first.error} onRetry={first.refetch} retrying={first.fetching} />;
  const total = first.data.products.totalCount;
  if (total === 0) {
    return <EmptyState title="No products match" description="Try another search or clear the filters." action={<Button variant="secondary" onClick={onClear}>Clear filters</Button>} />;
  }
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {total === 1 ? '1 product' : `${total.toLocaleString('en')} products`}
      </p>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="min-w-full divide-y divide-zinc-200 text-left text-sm dark:divide-zinc-800">
          <caption className="sr-only">Products</caption>
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">SKU</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Price</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Stock</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Variants</th>
              <th scope="col" className="px-4 py-2 font-medium">Rating</th>
            </tr>
          </thead>
          <ProductRows edges={first.data.products.edges} />
          {afters.map((after, i) => (
            <ProductRows key={after} variables={{ ...variables, after }} onPageInfo={i === afters.length - 1 ? setLast : undefined} />
          ))}
        </table>
      </div>
      {pageInfo?.hasNextPage && pageInfo.endCursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => setAfters((a) => [...a, pageInfo.endCursor as string])}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
