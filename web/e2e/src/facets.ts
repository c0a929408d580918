// Reading the filter sidebar's facet counts the way a screen reader hears
// them (each choice is named by its value and described by its count,
// "12 products"), and the same counts straight from the API, to compare.
import type { Locator, Page } from 'playwright-core';
import { adminGraphQL } from './harness.ts';

/** The filter sidebar (a complementary landmark named "Filters"). */
export function sidebar(p: Page): Locator {
  return p.getByRole('complementary', { name: 'Filters' });
}

/** A facet group of the sidebar by its legend ("Category", "Price", "Size", "Tags", "Availability"). */
export function facetGroup(p: Page, legend: string): Locator {
  return sidebar(p).getByRole('group', { name: legend, exact: true });
}

/** Every choice of a facet group: its accessible name, the count it is described by (null when none is shown), checked and disabled. */
export async function facetChoices(group: Locator): Promise<{ name: string; count: number | null; checked: boolean; disabled: boolean }[]> {
  return group.locator('input').evaluateAll((inputs) =>
    inputs.map((el) => {
      const input = el as HTMLInputElement;
      const described = (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      const digits = /([\d,]+) products?/.exec(described)?.[1];
      return { name: (input.closest('label')?.textContent ?? '').trim(), count: digits === undefined ? null : Number(digits.replace(/,/g, '')), checked: input.checked, disabled: input.disabled };
    }),
  );
}

/** The accessible description of an element (the texts its aria-describedby points at). */
export async function description(el: Locator): Promise<string> {
  return el.evaluate((e) =>
    (e.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
}

/** A filter as the API takes it (the subset the tests use). */
export interface FacetFilter {
  categoryId?: string;
  options?: { name: string; values: string[] }[];
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

/** The facets of a query, as the API computes them. */
export interface ApiFacets {
  totalCount: number;
  facets: {
    categories: { category: { id: string; name: string }; count: number }[];
    priceBuckets: { min: number; max: number | null; count: number }[];
    tags: { tag: string; count: number }[];
    options: { name: string; values: { value: string; count: number }[] }[];
    inStock: number;
    outOfStock: number;
  };
}

/** `products(filter).facets` and its totalCount, straight from the API (through the router). */
export async function apiFacets(filter: FacetFilter): Promise<ApiFacets> {
  const data = await adminGraphQL<{ products: ApiFacets }>(
    `query($f: ProductFilter) { products(first: 1, filter: $f) { totalCount facets {
      categories { category { id name } count } priceBuckets { min max count } tags { tag count }
      options { name values { value count } } inStock outOfStock } } }`,
    { f: filter },
  );
  return data.products;
}

/** The total of the results' count line ("Showing 1–20 of 41 products" → 41; "No products" → 0). */
export async function shownTotal(p: Page): Promise<number> {
  const line = await p.getByRole('status').filter({ hasText: /^(Showing|No products)/ }).first().innerText();
  const m = /of ([\d,]+) products?/.exec(line) ?? /^Showing 1–(\d+)/.exec(line);
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : 0;
}
