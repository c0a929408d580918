// Search from the catalog's search box.
// Seed property 5: every result matches the query in its name, description
// or category name (full-text: English stems, case-insensitive).
// Suggestions: a typo still finds the product (the server's searchSuggestions),
// the list shows what the API suggests, and the keyboard picks one.
import { describe, expect, test } from 'vitest';
import { adminGraphQL, noBrowser, page } from '../src/harness.ts';
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

  test('suggestions for a typo find the product; ArrowDown and Enter open it', async () => {
    const typo = 'jackt';
    const api = await adminGraphQL<{ searchSuggestions: { products: { name: string; slug: string }[]; categories: { name: string }[] } }>(
      'query($q: String!) { searchSuggestions(query: $q, first: 6) { products { name slug } categories { name } } }',
      { q: typo },
    );
    const products = api.searchSuggestions.products;
    expect(products.some((x) => /jacket/i.test(x.name)), `suggestions for ${typo}: ${products.map((x) => x.name).join(', ')}`).toBe(true);
    const p = await page();
    await p.goto('/products');
    await cardNames(p);
    const box = p.getByRole('combobox', { name: 'Search the catalog' });
    await box.fill(typo);
    const list = p.getByRole('listbox', { name: 'Search the catalog suggestions' });
    await list.waitFor();
    const names = async () => (await list.getByRole('option').allInnerTexts()).map((t) => t.split('\n')[0]?.trim() ?? '');
    await expect.poll(names).toEqual([...products.map((x) => x.name), ...api.searchSuggestions.categories.map((c) => c.name)]);
    expect(await list.getByRole('group', { name: 'Products' }).getByRole('option').count()).toBe(products.length);
    await box.press('ArrowDown');
    await expect.poll(() => list.getByRole('option', { selected: true }).count()).toBe(1);
    await box.press('Enter');
    await p.waitForURL(new RegExp(`/products/${products[0]?.slug ?? ''}$`));
    await p.getByRole('heading', { level: 1, name: products[0]?.name ?? '' }).waitFor();
    await p.context().close();
  });

  test('a text without suggestions says so, and Enter still searches', async () => {
    const p = await page();
    await p.goto('/products');
    await cardNames(p);
    const box = p.getByRole('combobox', { name: 'Search the catalog' });
    await box.fill('qqqzzzxxv');
    await expect.poll(() => p.getByRole('status').filter({ hasText: 'No suggestions for' }).count()).toBe(1);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.press('Enter');
    await p.waitForURL(/q=qqqzzzxxv/);
    await p.getByRole('heading', { name: 'No products match your filters' }).waitFor();
    await p.context().close();
  });
});
