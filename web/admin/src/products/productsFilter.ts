import type { ProductFilter, ProductSort } from '../gql/graphql';

/** The product list's filter as the URL holds it (`?q=shoe&category=<id>&stock=in&sort=PRICE_ASC`), so it can be shared. */
export interface ProductsFilterState {
  /** Full-text search, at most 200 characters (ProductFilter.search). */
  q: string;
  /** A category id (its subtree is included), or '' for all. */
  category: string;
  stock: 'in' | 'out' | '';
  sort: ProductSort | '';
}

/** Longest search the API accepts. */
export const MAX_SEARCH = 200;

const SORTS: ReadonlyArray<ProductSort> = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'RATING', 'RELEVANCE'];

/** Reads the filter from the URL; unknown values are ignored (a hand-edited URL shows every product). */
export function parseProductsFilter(params: URLSearchParams): ProductsFilterState {
  const stock = params.get('stock') ?? '';
  const sort = params.get('sort') ?? '';
  const category = params.get('category') ?? '';
  return {
    q: [...(params.get('q') ?? '').trim()].slice(0, MAX_SEARCH).join(''),
    category: /^[\w-]{1,64}$/.test(category) ? category : '',
    stock: stock === 'in' || stock === 'out' ? stock : '',
    sort: SORTS.includes(sort as ProductSort) ? (sort as ProductSort) : '',
  };
}

/** Writes the filter to URL parameters, leaving out what is not set. */
export function productsFilterParams(f: ProductsFilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.category) p.set('category', f.category);
  if (f.stock) p.set('stock', f.stock);
  if (f.sort) p.set('sort', f.sort);
  return p;
}

/** The API's ProductFilter for the state (null when nothing is filtered). */
export function toProductFilter(f: ProductsFilterState): ProductFilter | null {
  const out: ProductFilter = {};
  if (f.q) out.search = f.q;
  if (f.category) out.categoryId = f.category;
  if (f.stock) out.inStock = f.stock === 'in';
  return Object.keys(out).length > 0 ? out : null;
}

/** Category choices for a select, indented by depth ("Shoes", "— Running") in the API's tree order. */
export function categoryOptions(categories: ReadonlyArray<{ id: string; name: string; parent: { id: string } | null }>): Array<{ value: string; label: string }> {
  const parentOf = new Map(categories.map((c) => [c.id, c.parent?.id ?? null]));
  const depth = (id: string): number => {
    let d = 0;
    for (let p = parentOf.get(id) ?? null; p !== null && d < 20; p = parentOf.get(p) ?? null) d++;
    return d;
  };
  return categories.map((c) => ({ value: c.id, label: `${'— '.repeat(depth(c.id))}${c.name}` }));
}
