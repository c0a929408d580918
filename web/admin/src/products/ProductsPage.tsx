import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, SearchField, Select, buttonBase, buttonSizes, buttonVariants, cx } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminCategoriesDocument, type ProductSort } from '../gql/graphql';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { ProductsTable } from './ProductsTable';
import { MAX_SEARCH, categoryOptions, parseProductsFilter, productsFilterParams, type ProductsFilterState } from './productsFilter';

/**
 * /admin/products: the catalog as admins manage it — search, category and stock filters and the order in the URL
 * (shareable), a page at a time, each product linking to its editor; "New product" opens an empty editor.
 */
export default function ProductsPage() {
  useDocumentTitle('Products');
  const [params, setParams] = useSearchParams();
  const filter = parseProductsFilter(params);
  const [q, setQ] = useState(filter.q);
  const categories = useQuery(AdminCategoriesDocument);
  const apply = (next: Partial<ProductsFilterState>) => setParams(productsFilterParams({ ...filter, ...next }));
  const search = (e: FormEvent) => {
    e.preventDefault();
    apply({ q: q.trim() });
  };
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">Products</h1>
        <Link to="/admin/products/new" className={cx(buttonBase, buttonVariants.primary, buttonSizes.md)}>
          New product
        </Link>
      </div>
      <div className="mb-6 flex flex-wrap items-end gap-3">
        <form role="search" aria-label="Products" onSubmit={search} className="flex min-w-64 flex-1 items-end gap-2">
          <SearchField label="Search products" placeholder="Name, category or description" className="flex-1" maxLength={MAX_SEARCH} value={q} onChange={(e) => setQ(e.target.value)} />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <Select
          label="Category"
          value={filter.category}
          onChange={(e) => apply({ category: e.target.value })}
          options={[{ value: '', label: categories.data ? 'All categories' : 'All categories (loading…)' }, ...categoryOptions(categories.data?.categories ?? [])]}
        />
        <Select
          label="Stock"
          value={filter.stock}
          onChange={(e) => apply({ stock: e.target.value as ProductsFilterState['stock'] })}
          options={[
            { value: '', label: 'In stock or not' },
            { value: 'in', label: 'In stock' },
            { value: 'out', label: 'Sold out' },
          ]}
        />
        <Select
          label="Sort by"
          value={filter.sort}
          onChange={(e) => apply({ sort: e.target.value as ProductSort | '' })}
          options={[
            { value: '', label: filter.q ? 'Best match' : 'Newest' },
            { value: 'NEWEST', label: 'Newest' },
            { value: 'PRICE_ASC', label: 'Price, low to high' },
            { value: 'PRICE_DESC', label: 'Price, high to low' },
            { value: 'RATING', label: 'Best rated' },
          ]}
        />
      </div>
      <ProductsTable
        key={params.toString()}
        filter={filter}
        onClear={() => {
          setQ('');
          setParams(new URLSearchParams());
        }}
      />
    </>
  );
}
