import type { ProductFilter, ProductSort } from '../gql/graphql';
import { toMinor } from '../lib/money';

/** Sort choices as they appear in the URL (`sort=`); readable, unlike the enum. */
export const SORT_KEYS = ['relevance', 'newest', 'price-asc', 'price-desc', 'rating'] as const;
/** One of SORT_KEYS. */
export type SortKey = (typeof SORT_KEYS)[number];

/** Chosen values of one option (Size: M or L); a product matches with a variant having any of them. */
export interface OptionChoice {
  name: string;
  values: string[];
}

/** URL parameter prefix of an option filter: `o.Size=M&o.Size=L&o.Colour=Black` (readable, and no option name can collide with another parameter). */
export const OPTION_PREFIX = 'o.';

/**
 * Everything a shopper would share about a catalog view. The URL is its only
 * home (shareable, and the back button restores it); prices are in the
 * currency's major units as typed, the category is its slug.
 */
export interface CatalogState {
  q: string;
  category: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  tags: string[];
  /** Option filters in URL order: OR within an option, AND across options. */
  options: OptionChoice[];
  inStock: boolean;
  sort: SortKey | null;
  /** Pages of results shown ("Load more" adds one). */
  page: number;
}

/** The unfiltered catalog, in the server's default order. */
export const EMPTY_STATE: CatalogState = { q: '', category: null, minPrice: null, maxPrice: null, tags: [], options: [], inStock: false, sort: null, page: 1 };

/** Limits the parser enforces (the API's own limits where it has them). */
export const LIMITS = { q: 200, slug: 200, tag: 100, tags: 20, options: 10, optionValues: 50, optionText: 60, maxPage: 50, maxPrice: 10_000_000 } as const;

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Option filters from the URL's `o.<name>` parameters, in order; names and
 * values are merged case-insensitively (as the server compares them), the
 * first spelling kept; the API's limits drop the excess.
 */
function parseOptions(p: URLSearchParams): OptionChoice[] {
  const out: OptionChoice[] = [];
  for (const [key, value] of p) {
    if (!key.startsWith(OPTION_PREFIX)) continue;
    const name = key.slice(OPTION_PREFIX.length);
    if (name.trim() === '' || name.length > LIMITS.optionText || value.trim() === '' || value.length > LIMITS.optionText) continue;
    let choice = out.find((o) => sameText(o.name, name));
    if (!choice) {
      if (out.length >= LIMITS.options) continue;
      choice = { name, values: [] };
      out.push(choice);
    }
    if (choice.values.length < LIMITS.optionValues && !choice.values.some((v) => sameText(v, value))) choice.values.push(value);
  }
  return out;
}

/** The state with `value` of option `name` switched on or off (an option left without values goes away). */
export function toggleOption(state: CatalogState, name: string, value: string, on: boolean): CatalogState {
  const current = state.options.find((o) => sameText(o.name, name));
  let options: OptionChoice[];
  if (on) {
    if (current?.values.some((v) => sameText(v, value))) return state;
    options = current ? state.options.map((o) => (o === current ? { ...o, values: [...o.values, value] } : o)) : [...state.options, { name, values: [value] }];
  } else {
    options = state.options.map((o) => (o === current ? { ...o, values: o.values.filter((v) => !sameText(v, value)) } : o)).filter((o) => o.values.length > 0);
  }
  return withFilters(state, { options });
}

/** True when `value` of option `name` is among the chosen options. */
export function optionChosen(options: ReadonlyArray<OptionChoice>, name: string, value: string): boolean {
  return options.some((o) => sameText(o.name, name) && o.values.some((v) => sameText(v, value)));
}

const PRICE = /^\d{1,8}(\.\d{1,2})?$/;

function price(raw: string | null): number | null {
  if (raw === null || !PRICE.test(raw)) return null;
  const n = Number(raw);
  return Number.isFinite(n) && n <= LIMITS.maxPrice ? n : null;
}

/** Reads the state from a query string; any input (hostile, truncated, repeated) yields a valid state and never throws. */
export function parseState(search: URLSearchParams | string): CatalogState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const q = (p.get('q') ?? '').slice(0, LIMITS.q);
  const categoryRaw = p.get('category');
  const category = categoryRaw && categoryRaw.length <= LIMITS.slug ? categoryRaw : null;
  const minPrice = price(p.get('minPrice'));
  let maxPrice = price(p.get('maxPrice'));
  if (minPrice !== null && maxPrice !== null && maxPrice < minPrice) maxPrice = null;
  const tags: string[] = [];
  for (const t of p.getAll('tags')) {
    if (t.length > 0 && t.length <= LIMITS.tag && !tags.includes(t) && tags.length < LIMITS.tags) tags.push(t);
  }
  const options = parseOptions(p);
  const inStock = p.get('inStock') === '1' || p.get('inStock') === 'true';
  const sortRaw = p.get('sort');
  let sort = (SORT_KEYS as readonly string[]).includes(sortRaw ?? '') ? (sortRaw as SortKey) : null;
  if (sort === 'relevance' && q === '') sort = null;
  const pageRaw = p.get('page') ?? '';
  const pageNum = /^\d{1,3}$/.test(pageRaw) ? Number(pageRaw) : 1;
  const page = pageNum >= 1 && pageNum <= LIMITS.maxPage ? pageNum : 1;
  return { q, category, minPrice, maxPrice, tags, options, inStock, sort, page };
}

/** Writes the state as a canonical query string (defaults omitted, fixed order), so equal states give equal URLs. */
export function toSearchParams(state: CatalogState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q !== '') p.set('q', state.q);
  if (state.category !== null) p.set('category', state.category);
  if (state.minPrice !== null) p.set('minPrice', String(state.minPrice));
  if (state.maxPrice !== null) p.set('maxPrice', String(state.maxPrice));
  for (const t of state.tags) p.append('tags', t);
  for (const o of state.options) for (const v of o.values) p.append(`${OPTION_PREFIX}${o.name}`, v);
  if (state.inStock) p.set('inStock', '1');
  if (state.sort !== null) p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  return p;
}

/** Applies a change of filters or sort; back to the first page, since the old page count means nothing for new results. */
export function withFilters(state: CatalogState, patch: Partial<Omit<CatalogState, 'page'>>): CatalogState {
  const next = { ...state, ...patch, page: 1 };
  if (next.sort === 'relevance' && next.q === '') next.sort = null;
  return next;
}

/** True when any filter (not sort or paging) narrows the catalog. */
export function hasFilters(s: CatalogState): boolean {
  return s.q !== '' || s.category !== null || s.minPrice !== null || s.maxPrice !== null || s.tags.length > 0 || s.options.length > 0 || s.inStock;
}

const SORT_ENUM: Record<SortKey, ProductSort> = { relevance: 'RELEVANCE', newest: 'NEWEST', 'price-asc': 'PRICE_ASC', 'price-desc': 'PRICE_DESC', rating: 'RATING' };

/** The API's sort for a state; null lets the server choose (relevance with a search, newest without). */
export function toSort(state: CatalogState): ProductSort | null {
  return state.sort === null ? null : SORT_ENUM[state.sort];
}

/** The API's ProductFilter for a state, given the category's id (resolved from its slug); prices converted to minor units. */
export function toFilter(state: CatalogState, categoryId: string | null, currency = 'USD'): ProductFilter {
  const f: ProductFilter = {};
  const search = state.q.trim();
  if (search !== '') f.search = search;
  if (categoryId !== null) f.categoryId = categoryId;
  if (state.minPrice !== null) f.minPrice = toMinor(state.minPrice, currency);
  if (state.maxPrice !== null) f.maxPrice = toMinor(state.maxPrice, currency);
  if (state.tags.length > 0) f.tags = state.tags;
  if (state.options.length > 0) f.options = state.options.map((o) => ({ name: o.name, values: o.values }));
  if (state.inStock) f.inStock = true;
  return f;
}
