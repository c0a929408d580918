// Reading the catalog the way a shopper (or a screen reader) does: the
// product list named "Products", each card's link, price, rating and image,
// all found by role and accessible name; and the same data from the API, to
// compare what the page shows with what the catalog holds.
import type { Locator, Page } from 'playwright-core';
import { adminGraphQL } from './harness.ts';

/** The catalog grid (ProductGrid's list labelled "Products"). */
export function productList(p: Page): Locator {
  return p.getByRole('list', { name: 'Products' });
}

/** The product cards (skeleton placeholders are aria-hidden and not counted). */
export function cards(p: Page): Locator {
  return productList(p).getByRole('listitem');
}

/** Waits for the first cards and returns the product names in page order. */
export async function cardNames(p: Page): Promise<string[]> {
  await cards(p).first().waitFor();
  return (await cards(p).getByRole('link').allInnerTexts()).map((s) => s.trim());
}

/** Parses the first money amount in a text ("$1,299.00" → 1299). */
export function money(text: string): number {
  const m = /([$€£])\s?([\d,]+(?:\.\d+)?)/.exec(text);
  if (!m?.[2]) throw new Error(`no price in ${JSON.stringify(text)}`);
  return Number(m[2].replace(/,/g, ''));
}

/** The current price of every card, in page order (the first amount: the "was" price follows it). */
export async function cardPrices(p: Page): Promise<number[]> {
  return (await cards(p).allInnerTexts()).map(money);
}

/** Every card's rating from its spoken label ("Rated 4.3 out of 5, …"; "Not rated yet" counts as 0). */
export async function cardRatings(p: Page): Promise<number[]> {
  const labels = await cards(p).getByRole('img', { name: /^(Rated|Not rated)/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => Number(/^Rated ([\d.]+)/.exec(l)?.[1] ?? 0));
}

/** The catalog's ProductFilter, as the API takes it. */
export interface ProductFilter {
  search?: string;
  categoryId?: string;
  inStock?: boolean;
}

/** A product as the tests need it from the API. */
export interface ApiProduct {
  id: string;
  name: string;
  slug: string;
  description: string;
  price: { amount: number; currency: string };
  stock: number;
  version: number;
  category: { id: string; name: string };
}

const FIELDS = 'id name slug description price { amount currency } stock version category { id name }';

/** The first `first` products for a filter and sort, straight from the API (through the router). */
export async function apiProducts(filter: ProductFilter, sort: string | null, first = 20): Promise<{ totalCount: number; products: ApiProduct[] }> {
  const data = await adminGraphQL<{ products: { totalCount: number; edges: { node: ApiProduct }[] } }>(
    `query($f: ProductFilter, $s: ProductSort, $n: Int) { products(first: $n, filter: $f, sort: $s) { totalCount edges { node { ${FIELDS} } } } }`,
    { f: filter, s: sort, n: first },
  );
  return { totalCount: data.products.totalCount, products: data.products.edges.map((e) => e.node) };
}

/** One product by slug from the API. */
export async function apiProduct(slug: string): Promise<ApiProduct> {
  const data = await adminGraphQL<{ productBySlug: ApiProduct | null }>(`query($s: String!) { productBySlug(slug: $s) { ${FIELDS} } }`, { s: slug });
  if (!data.productBySlug) throw new Error(`no product ${slug}`);
  return data.productBySlug;
}

/** The category tree, flat (id, name, slug, parent). */
export async function apiCategories(): Promise<{ id: string; name: string; slug: string; parent: { id: string } | null }[]> {
  const data = await adminGraphQL<{ categories: { id: string; name: string; slug: string; parent: { id: string } | null }[] }>(
    '{ categories { id name slug parent { id } } }',
  );
  return data.categories;
}
