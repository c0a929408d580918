// The catalog's filter sidebar with facet counts: a shopper narrows by a
// category and an option value; every count shown equals the API's facet
// count for the same filters, the number of results equals the count that
// was on the chosen value, a filter chip removes the filter; axe-clean with
// the facets on screen, light and dark.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, noBrowser, page } from '../src/harness.ts';
import { apiCategories, cards } from '../src/catalog.ts';
import { apiFacets, facetChoices, facetGroup, shownTotal, sidebar, type FacetFilter } from '../src/facets.ts';

/**
 * Polls until what the page shows equals what the API says, both read afresh
 * each time: other test files change the catalog meanwhile (live.test.ts and
 * variants.test.ts add products), and the page follows them live.
 */
async function expectSame<T>(shown: () => Promise<T>, api: () => Promise<T>, what: string): Promise<void> {
  // The poll's value is 'same' or the last difference, so a failure shows both sides.
  await expect
    .poll(async () => {
      const [a, b] = [JSON.stringify(await shown()), JSON.stringify(await api())];
      return a === b ? 'same' : `${what}: shown ${a} but the API says ${b}`;
    })
    .toBe('same');
}

/** The category radios' counts as shown equal the API's category facet (0 for a category it does not list, and those are disabled). */
async function expectCategoryCounts(p: Page, filter: FacetFilter, selected: string | null): Promise<void> {
  const categories = await apiCategories();
  const want = async () => {
    const { facets } = await apiFacets(filter);
    const byId = new Map(facets.categories.map((c) => [c.category.id, c.count]));
    const total = categories.filter((c) => c.parent === null).reduce((n, c) => n + (byId.get(c.id) ?? 0), 0);
    return [{ name: 'All categories', count: total }, ...categories.map((c) => ({ name: c.name, count: byId.get(c.id) ?? 0 }))];
  };
  await expectSame(async () => (await facetChoices(facetGroup(p, 'Category'))).map(({ name, count }) => ({ name, count })), want, 'category counts');
  for (const c of await facetChoices(facetGroup(p, 'Category'))) expect(c.disabled, c.name).toBe(c.count === 0 && c.name !== selected);
}

/** An option group's values and counts as shown equal the API's option facet for the filter; returns them. */
async function expectOptionCounts(p: Page, option: string, filter: FacetFilter): Promise<{ value: string; count: number }[]> {
  const values = async () => (await apiFacets(filter)).facets.options.find((o) => o.name === option)?.values ?? [];
  expect((await values()).length, `${option} facet`).toBeGreaterThan(0);
  await expectSame(
    async () => (await facetChoices(facetGroup(p, option))).map(({ name, count }) => ({ name, count })),
    async () => (await values()).map((v) => ({ name: v.value, count: v.count })),
    `${option} counts`,
  );
  return values();
}

describe.skipIf(noBrowser)('facets', () => {
  test('narrow by a category and an option value: counts equal the API’s, results equal the chosen count; a chip removes the filter', async () => {
    const categories = await apiCategories();
    const leaf = categories.find((c) => c.name === "Men's Jackets");
    if (!leaf) throw new Error("no Men's Jackets category in the demo catalog");
    const p = await page();
    await p.goto('/products');
    await cards(p).first().waitFor();

    // Unfiltered: the category tree's counts, the price buckets and "In stock only" are the API's.
    await expectCategoryCounts(p, {}, 'All categories');
    await expectSame(
      async () => (await facetChoices(facetGroup(p, 'Price'))).map((b) => b.count),
      async () => {
        const all = await apiFacets({});
        return [all.totalCount, ...all.facets.priceBuckets.map((b) => b.count)];
      },
      'price buckets ("Any price" first)',
    );
    expect((await facetChoices(facetGroup(p, 'Price')))[0]).toMatchObject({ name: 'Any price', checked: true });
    await expectSame(async () => (await facetChoices(facetGroup(p, 'Availability')))[0]?.count, async () => (await apiFacets({})).facets.inStock, 'in stock');
    const all = await apiFacets({});

    // A category: its count becomes the number of results.
    const leafCount = all.facets.categories.find((c) => c.category.id === leaf.id)?.count ?? 0;
    expect(leafCount).toBeGreaterThan(0);
    await sidebar(p).getByRole('radio', { name: leaf.name, exact: true }).check();
    await p.waitForURL(new RegExp(`category=${leaf.slug}`));
    await expect.poll(() => shownTotal(p)).toBe(leafCount);
    await expectCategoryCounts(p, { categoryId: leaf.id }, leaf.name);

    // An option value (Size): its count becomes the number of results, and the URL and a chip hold it.
    const sizes = await expectOptionCounts(p, 'Size', { categoryId: leaf.id });
    const size = sizes.find((v) => v.count > 0 && v.count < leafCount) ?? sizes.find((v) => v.count > 0);
    if (!size) throw new Error('no size with products');
    // One request per filter change: the grid's first page brings the facet counts with it.
    const operations: string[] = [];
    p.on('request', (r) => {
      if (!new URL(r.url()).pathname.endsWith('/graphql')) return;
      const body = r.postData() ?? '';
      const name = new URL(r.url()).searchParams.get('operationName') ?? (/"operationName":"(\w+)"/.exec(body)?.[1] ?? /query (\w+)/.exec(body)?.[1] ?? '?');
      operations.push(name);
    });
    await facetGroup(p, 'Size').getByRole('checkbox', { name: size.value, exact: true }).check();
    await p.waitForURL(new RegExp(`o\\.Size=${encodeURIComponent(size.value)}`));
    await expect.poll(() => shownTotal(p)).toBe(size.count);
    await p.waitForLoadState('networkidle');
    expect(operations.filter((o) => o !== 'CatalogProducts'), `requests after a filter change: ${operations.join(', ')}`).toEqual([]);
    expect(operations.filter((o) => o === 'CatalogProducts')).toHaveLength(1);
    const narrowed: FacetFilter = { categoryId: leaf.id, options: [{ name: 'Size', values: [size.value] }] };
    // Facet semantics: the Size group still counts the other sizes (its own filter left out), the rest apply it.
    await expectOptionCounts(p, 'Size', narrowed);
    await expectCategoryCounts(p, { options: narrowed.options }, leaf.name);
    const narrowedFacets = await apiFacets(narrowed);
    expect(narrowedFacets.totalCount).toBe(size.count);
    await expectSame(async () => (await facetChoices(facetGroup(p, 'Price'))).slice(1).map((b) => b.count), async () => (await apiFacets(narrowed)).facets.priceBuckets.map((b) => b.count), 'narrowed price buckets');

    // The URL is shareable: a fresh page shows the same filtered results.
    const again = await page();
    await again.goto(p.url());
    await expect.poll(() => shownTotal(again)).toBe(size.count);
    expect(await facetGroup(again, 'Size').getByRole('checkbox', { name: size.value, exact: true }).isChecked()).toBe(true);
    await again.context().close();

    // The chip removes the option filter: back to the category's results.
    await p.getByRole('button', { name: `Remove filter: Size: ${size.value}` }).click();
    await expect.poll(() => new URL(p.url()).searchParams.has('o.Size')).toBe(false);
    await expect.poll(() => shownTotal(p)).toBe(leafCount);
    expect(await facetGroup(p, 'Size').getByRole('checkbox', { name: size.value, exact: true }).isChecked()).toBe(false);
    await p.context().close();
  });

  test('a price bucket yields exactly its count', async () => {
    const all = await apiFacets({});
    const bucket = all.facets.priceBuckets.find((b) => b.count > 0 && b.count < all.totalCount);
    if (!bucket) throw new Error('no price bucket with part of the catalog');
    const p = await page();
    await p.goto('/products');
    await cards(p).first().waitFor();
    const index = all.facets.priceBuckets.indexOf(bucket);
    const choice = facetGroup(p, 'Price').getByRole('radio').nth(index + 1);
    await choice.check();
    await expect.poll(() => new URL(p.url()).searchParams.has('maxPrice') || new URL(p.url()).searchParams.has('minPrice')).toBe(true);
    await expect.poll(() => shownTotal(p)).toBe(bucket.count);
    await p.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the catalog with facets (${colorScheme}): no serious or critical axe violations`, async () => {
      const leaf = (await apiCategories()).find((c) => c.name === "Men's Jackets");
      const p = await page({ colorScheme });
      await p.goto(`/products?category=${leaf?.slug ?? ''}&o.Size=M`);
      await facetGroup(p, 'Size').waitFor();
      await cards(p).first().waitFor();
      await p.waitForLoadState('networkidle');
      expect(await axe(p), `catalog with facets (${colorScheme})`).toEqual([]);
      await p.context().close();
    });
  }
});
