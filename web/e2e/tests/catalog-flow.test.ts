// A shopper's path through the catalog: browse → filter by category → sort
// → load more → product detail, and the URL as the whole state: opening it
// in a new page shows the same results.
// Seed properties: 4 (every card has image, name, price, rating),
// 6 (category filter), 7 (sort order for each sort).
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { noBrowser, page } from '../src/harness.ts';
import { apiCategories, apiProduct, apiProducts, cardNames, cardPrices, cardRatings, cards } from '../src/catalog.ts';

/** The same list, polled: the catalog may change under a parallel test (live.test.ts adds a product). */
async function expectShows(p: Page, expected: () => Promise<string[]>): Promise<void> {
  await expect.poll(async () => JSON.stringify(await cardNames(p)) === JSON.stringify(await expected()), { timeout: 15_000 }).toBe(true);
}

describe.skipIf(noBrowser)('catalog flow', () => {
  test('property 4: every card shows an image, a name (link), a price and a rating', async () => {
    const p = await page();
    await p.goto('/');
    await p.waitForURL(/\/products$/);
    await expect.poll(() => cards(p).count()).toBeGreaterThanOrEqual(8);
    const n = await cards(p).count();
    for (let i = 0; i < n; i++) {
      const card = cards(p).nth(i);
      const img = card.getByRole('img').first();
      expect(await img.evaluate((el) => el.tagName === 'IMG' ? (el as HTMLImageElement).alt : el.getAttribute('aria-label'))).toBeTruthy();
      expect((await card.getByRole('link').innerText()).trim()).not.toBe('');
      expect(await card.innerText()).toMatch(/[$€£]\s?\d/);
      expect(await card.getByRole('img', { name: /^(Rated [\d.]+ out of 5|Not rated yet)/ }).count()).toBe(1);
    }
    await p.context().close();
  });

  test('property 6: a parent category shows only products of that category or its descendants', async () => {
    const categories = await apiCategories();
    const parent = categories.find((c) => c.name === 'Audio') ?? categories.find((c) => c.parent !== null && categories.some((d) => d.parent?.id === c.id));
    if (!parent) throw new Error('no category with children in the seed');
    const subtree = new Set([parent.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of categories) if (c.parent && subtree.has(c.parent.id) && !subtree.has(c.id)) (subtree.add(c.id), (grew = true));
    }
    expect(subtree.size).toBeGreaterThan(1);
    const p = await page();
    await p.goto('/products');
    await cardNames(p);
    await p.getByRole('complementary', { name: 'Filters' }).getByRole('radio', { name: parent.name, exact: true }).check();
    await p.waitForURL(new RegExp(`category=${parent.slug}`));
    await expect.poll(() => p.getByRole('heading', { level: 1 }).innerText()).toBe(parent.name);
    await expectShows(p, async () => (await apiProducts({ categoryId: parent.id }, null)).products.map((x) => x.name));
    const slugs = await cards(p).getByRole('link').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').split('/').pop() ?? ''));
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const x = await apiProduct(decodeURIComponent(slug));
      expect(subtree.has(x.category.id), `${x.name} is in ${x.category.name}, outside ${parent.name}`).toBe(true);
    }
    await p.context().close();
  });

  test('browse → category filter (property 6) → each sort (property 7) → load more → detail; the URL restores the results', async () => {
    const p = await page();
    await p.goto('/products');
    await cardNames(p);

    // Property 6: a leaf category with enough products; the grid is exactly the API's answer for it.
    const categories = await apiCategories();
    const parents = new Set(categories.map((c) => c.parent?.id).filter(Boolean));
    const leaf = categories.find((c) => !parents.has(c.id) && c.name === 'Headphones') ?? categories.find((c) => !parents.has(c.id));
    if (!leaf) throw new Error('no leaf category in the seed');
    const filters = p.getByRole('complementary', { name: 'Filters' });
    await filters.getByRole('radio', { name: leaf.name, exact: true }).check();
    await p.waitForURL(new RegExp(`category=${leaf.slug}`));
    await expect.poll(() => p.getByRole('heading', { level: 1 }).innerText()).toBe(leaf.name);
    await expectShows(p, async () => (await apiProducts({ categoryId: leaf.id }, null)).products.map((x) => x.name));
    const { products: inLeaf } = await apiProducts({ categoryId: leaf.id }, null, 100);
    expect(inLeaf.every((x) => x.category.id === leaf.id)).toBe(true);

    // Property 7: each sort orders the grid as the sort says, and matches the API.
    const sorts: [string, string, (p: Page) => Promise<void>][] = [
      ['Price: low to high', 'PRICE_ASC', async (pg) => { const v = await cardPrices(pg); expect(v).toEqual([...v].sort((a, b) => a - b)); }],
      ['Price: high to low', 'PRICE_DESC', async (pg) => { const v = await cardPrices(pg); expect(v).toEqual([...v].sort((a, b) => b - a)); }],
      ['Rating', 'RATING', async (pg) => { const v = await cardRatings(pg); expect(v).toEqual([...v].sort((a, b) => b - a)); }],
      ['Newest', 'NEWEST', async () => undefined],
    ];
    for (const [label, sort, check] of sorts) {
      await p.getByLabel('Sort by').selectOption({ label });
      await expectShows(p, async () => (await apiProducts({ categoryId: leaf.id }, sort)).products.map((x) => x.name));
      await check(p);
    }

    // Load more: the next page joins the grid, and the URL says so.
    await p.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => cards(p).count()).toBeGreaterThan(20);
    await p.waitForURL(/page=2/);
    const shown = await cardNames(p);

    // The URL is the state: a new page (fresh context, empty cache) shows the same results.
    const again = await page();
    await again.goto(p.url());
    await expect.poll(async () => (await cards(again).count()) === shown.length ? JSON.stringify(await cardNames(again)) : '').toBe(JSON.stringify(shown));
    await expect.poll(() => again.getByLabel('Sort by').inputValue()).toBe('newest');
    expect(await again.getByRole('complementary', { name: 'Filters' }).getByRole('radio', { name: leaf.name, exact: true }).isChecked()).toBe(true);
    await again.context().close();

    // Detail: the card's link opens the product page, named by its h1.
    const name = shown[0] ?? '';
    await cards(p).first().getByRole('link').click();
    await p.waitForURL(/\/products\/[^/?]+$/);
    await expect.poll(() => p.getByRole('heading', { level: 1, name }).count()).toBe(1);
    await p.context().close();
  });
});
