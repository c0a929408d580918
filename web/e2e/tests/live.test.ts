// Live updates: a product edited through the API (price, then stock) by an
// admin changes an open catalog page and an open detail page without a
// reload (server event → bus → cache invalidation → re-render).
import { afterAll, describe, expect, test } from 'vitest';
import { randomBytes } from 'node:crypto';
import { adminGraphQL, noBrowser, page } from '../src/harness.ts';
import { apiCategories, cards, money } from '../src/catalog.ts';

const tag = randomBytes(3).toString('hex');
let created: { id: string; version: number; slug: string; name: string; categoryId: string } | undefined;

afterAll(async () => {
  if (created) await adminGraphQL('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id: created.id });
});

describe.skipIf(noBrowser)('live updates', () => {
  test('a price and a stock change made through the API show on open catalog and detail pages without reload', async () => {
    const categories = await apiCategories();
    const category = categories.find((c) => c.name === 'Pillows') ?? categories[categories.length - 1];
    if (!category) throw new Error('no categories');
    const name = `E2E Live Pillow ${tag}`;
    const slug = `e2e-live-pillow-${tag}`;
    const { createProduct } = await adminGraphQL<{ createProduct: { id: string; version: number } }>(
      'mutation($in: CreateProductInput!) { createProduct(input: $in) { id version } }',
      { in: { name, slug, description: 'A pillow the browser tests edit.', price: 12345, categoryId: category.id, sku: `E2E-${tag}`, stock: 50 } },
    );
    created = { ...createProduct, slug, name, categoryId: category.id };

    // The newest product comes first in the catalog's default order.
    const catalog = await page();
    await catalog.goto('/products');
    const card = cards(catalog).filter({ has: catalog.getByRole('link', { name, exact: true }) });
    await card.waitFor();
    expect(money(await card.innerText())).toBe(123.45);
    const detail = await page();
    await detail.goto(`/products/${slug}`);
    await detail.getByRole('heading', { level: 1, name }).waitFor();
    expect(money(await detail.getByRole('main').innerText())).toBe(123.45);
    const availability = detail.getByRole('definition').filter({ hasText: /available$/ });
    expect(await availability.innerText()).toBe('50 available');
    for (const pg of [catalog, detail]) await pg.evaluate(() => ((window as unknown as { e2eMarker: number }).e2eMarker = 1));

    await adminGraphQL(
      'mutation($in: UpdateProductInput!) { updateProduct(input: $in) { id version } }',
      { in: { id: created.id, version: created.version, name, slug, description: 'A pillow the browser tests edit.', price: 9999, categoryId: category.id, sku: `E2E-${tag}` } },
    );
    await expect.poll(async () => money(await card.innerText()), { timeout: 20_000 }).toBe(99.99);
    // The page's first price is the product's (related products come after it).
    await expect.poll(async () => money(await detail.getByRole('main').innerText()), { timeout: 20_000 }).toBe(99.99);

    await adminGraphQL('mutation($id: ID!) { adjustStock(id: $id, delta: -47, reason: "e2e: live stock") { delta } }', { id: created.id });
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toContain('Only 3 left');
    await expect.poll(() => availability.innerText(), { timeout: 20_000 }).toBe('3 available');

    // Neither page reloaded: the marker set before the edits is still there.
    for (const pg of [catalog, detail]) expect(await pg.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker)).toBe(1);
    await catalog.context().close();
    await detail.context().close();
  });
});
