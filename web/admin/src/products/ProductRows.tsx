import { useEffect } from 'react';
import { Link } from 'react-router';
import { Badge, Rating, focusRing, formatMoney } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminProductsDocument, type AdminProductsQuery, type AdminProductsQueryVariables } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';

type Edge = AdminProductsQuery['products']['edges'][number];
type Product = Edge['node'];

/** Props of {@link ProductRows}: rows already loaded (the first page) or the variables of a later page. */
export type ProductRowsProps =
  | { edges: ReadonlyArray<Edge>; variables?: undefined; onPageInfo?: undefined }
  | { edges?: undefined; variables: AdminProductsQueryVariables; onPageInfo?: (p: AdminProductsQuery['products']['pageInfo']) => void };

/** The price column: one price, or "from – to" when the variants' prices differ. */
export function priceText(p: Pick<Product, 'price' | 'priceRange'>): string {
  const { min, max } = p.priceRange;
  if (min.amount === max.amount) return formatMoney(p.price.amount, p.price.currency, 'en-US');
  return `${formatMoney(min.amount, min.currency, 'en-US')} – ${formatMoney(max.amount, max.currency, 'en-US')}`;
}

/** One page of the product table as a `<tbody>`; a later page loads itself and reports its pageInfo. */
export function ProductRows(props: ProductRowsProps) {
  const page = useQuery(AdminProductsDocument, props.variables, { enabled: props.variables !== undefined });
  const info = page.data?.products.pageInfo;
  const { onPageInfo } = props;
  useEffect(() => {
    if (info) onPageInfo?.(info);
  }, [info, onPageInfo]);
  const edges = props.edges ?? page.data?.products.edges;
  if (!edges) {
    return (
      <tbody>
        <tr>
          <td colSpan={6} className="px-4 py-3 text-sm">
            {page.loading ? (
              <span role="status">Loading more products…</span>
            ) : (
              <span role="alert">
                {errorMessage(page.error)}{' '}
                <button type="button" className={`underline ${focusRing}`} onClick={page.refetch}>
                  Try again
                </button>
              </span>
            )}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {edges.map(({ node: p }) => (
        <tr key={p.id}>
          <th scope="row" className="px-4 py-2 font-medium text-zinc-900 dark:text-zinc-100">
            <Link to={`/admin/products/${p.id}`} className={`rounded text-indigo-700 hover:underline dark:text-indigo-300 ${focusRing}`}>
              {p.name}
            </Link>
          </th>
          <td className="px-4 py-2 font-mono text-xs text-zinc-700 dark:text-zinc-300">{p.sku}</td>
          <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums text-zinc-900 dark:text-zinc-100">{priceText(p)}</td>
          <td className="px-4 py-2 text-right tabular-nums">{p.stock === 0 ? <Badge tone="danger">Sold out</Badge> : p.stock.toLocaleString('en')}</td>
          <td className="px-4 py-2 text-right tabular-nums text-zinc-700 dark:text-zinc-300">{p.variants.length}</td>
          <td className="px-4 py-2">
            {p.reviewCount === 0 ? <span className="text-zinc-500 dark:text-zinc-400">No reviews</span> : <Rating value={p.rating} count={p.reviewCount} />}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
