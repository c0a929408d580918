// Search from the catalog's search box.
// Seed property 5: every result matches the query in its name, description
// or category name (full-text: English stems, case-insensitive).
import { describe, expect, test } from 'vitest';
import { noBrowser, page } from '../src/harness.ts';
import { apiProduct, apiProducts, cardNames, cards } from '../src/catalog.ts';

describe.skipIf(noBrowser)('search', () => {
  test('property 5: search results match the query in name, description or category', async () => {
    const p = await page();
    await p.goto('/products');
    await cardNames(p);
    const box = p.getByRole('combobox', { name: 'Search the catalog' }).or(p.getByRole('searchbox', { name: 'Search the catalog' }));
    await box.fill('headphones');
    await box.press('Enter');
    await p.waitForURL(/q=headphones/);
    const expected = (await apiProducts({ search: 'headphones' }, null)).products.map((x) => x.name);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(async () => JSON.stringify(await cardNames(p)), { timeout: 15_000 }).toBe(JSON.stringify(expected));
    const slugs = await cards(p).getByRole('link').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').split('/').pop() ?? ''));
    for (const slug of slugs) {
      const x = await apiProduct(decodeURIComponent(slug));
      expect(`${x.name} ${x.description} ${x.category.name}`.toLowerCase()).toContain('headphone');
    }
    await p.context().close();
  });
});
