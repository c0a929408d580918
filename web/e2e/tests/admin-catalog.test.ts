// Catalog administration (admin remote) as the seeded admin: create a
// product (a negative price refused inline first), give it the options Size
// (S, M) and Colour (Red, Blue), generate its variants (4 rows), give one
// variant its own price (a taken SKU refused inline by the server) and
// stock, see that price on the storefront's product page, see the server
// refuse to drop a stocked option value and to delete a stocked variant,
// then delete the product; an edit based on a version someone else has
// changed meanwhile is refused ("changed by someone else") until reloaded.
// axe on every new page, light and dark.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, signInPage } from '../src/account.ts';
import { createProductAPI, deleteProductAPI, screen, someCategory, uniq, variantsAPI } from '../src/adminCatalog.ts';
import { adminGraphQL, axe, noBrowser, page } from '../src/harness.ts';

const variantRows = (p: Page) => p.getByRole('table', { name: 'Variants' }).getByRole('rowgroup').nth(1).getByRole('row');
const idFromURL = (p: Page) => /\/admin\/products\/([^/?#]+)$/.exec(new URL(p.url()).pathname)?.[1] ?? '';

describe.skipIf(noBrowser)('admin: catalog', () => {
  test('create a product, options Size × Colour, 4 variants, a variant price and stock on the storefront, refusals inline', async () => {
    const tag = uniq();
    const name = `E2E Tee ${tag}`;
    const category = await someCategory();
    const p = await page();
    let id = '';
    try {
      await signInPage(p, ADMIN, '/admin/products');
      await expect.poll(() => p.getByRole('heading', { level: 1, name: 'Products' }).isVisible()).toBe(true);
      await expect.poll(() => p.getByRole('table', { name: 'Products' }).getByRole('row').count()).toBeGreaterThan(1);
      await p.waitForLoadState('networkidle');
      expect(await axe(p), 'product list').toEqual([]);
      await screen(p, 'admin-products');

      await p.getByRole('link', { name: 'New product' }).click();
      await expect.poll(() => p.getByRole('heading', { level: 1, name: 'New product' }).isVisible()).toBe(true);
      const details = p.getByRole('form', { name: 'Details' });
      await details.getByLabel('Name', { exact: true }).fill(name);
      expect(await details.getByLabel('Slug').inputValue()).toBe(`e2e-tee-${tag}`);
      await details.getByLabel('Price (USD)', { exact: true }).fill('-5');
      await details.getByLabel('Category').selectOption(category.id);
      await details.getByLabel('SKU').fill(`E2E-TEE-${tag}`.toUpperCase());
      await details.getByRole('button', { name: 'Add image' }).click();
      await details.getByLabel('Image 1 address').fill('tee.jpg');
      await details.getByLabel('Image 1 alt text').fill('The tee, front');
      await details.getByRole('button', { name: 'Create product' }).click();
      const price = details.getByLabel('Price (USD)', { exact: true });
      await expect.poll(() => price.getAttribute('aria-invalid')).toBe('true');
      expect(await details.getByText('The price must be 0 or more.').isVisible()).toBe(true);
      expect(await details.getByLabel('Image 1 address').getAttribute('aria-invalid')).toBe('true');
      expect(await axe(p), 'new product with errors').toEqual([]);
      await screen(p, 'admin-new-product-errors');
      await price.fill('30');
      await details.getByLabel('Image 1 address').fill(`${new URL(p.url()).origin}/images/e2e/tee.svg`);
      await details.getByRole('button', { name: 'Create product' }).click();
      await expect.poll(() => p.getByRole('heading', { level: 1, name }).isVisible()).toBe(true);
      id = idFromURL(p);
      expect(id).not.toBe('');
      await expect.poll(async () => (await variantsAPI(id))?.length).toBe(1);
      expect(await p.getByRole('form', { name: 'Details' }).getByLabel('Image 1 alt text').inputValue()).toBe('The tee, front');

      // options: S, M added with Enter; Red, Blue left in the box (saving adds them too)
      const options = p.getByRole('form', { name: 'Options' });
      await options.getByRole('button', { name: 'Add option' }).click();
      await options.getByLabel('Name of option 1').fill('Size');
      await options.getByLabel('Values of option 1').fill('S, M, s');
      await options.getByLabel('Values of option 1').press('Enter');
      expect(await options.getByRole('list', { name: 'Values of Size' }).getByRole('listitem').allInnerTexts()).toEqual(['S', 'M']);
      await options.getByRole('button', { name: 'Add option' }).click();
      await options.getByLabel('Name of option 2').fill('Colour');
      await options.getByLabel('Values of option 2').fill('Red, Blue');
      await options.getByRole('button', { name: 'Save options' }).click();
      await expect.poll(() => options.getByRole('status').innerText()).toBe('Options saved.');
      await expect.poll(() => variantRows(p).count()).toBe(1);

      const variants = p.getByRole('region', { name: 'Variants' });
      await variants.getByRole('button', { name: 'Generate variants' }).click();
      await expect.poll(() => variantRows(p).count()).toBe(4);
      expect((await variantRows(p).getByRole('rowheader').allInnerTexts()).sort()).toEqual(['M / Blue', 'M / Red', 'S / Blue', 'S / Red']);
      await p.waitForLoadState('networkidle');
      expect(await axe(p), 'product editor with variants').toEqual([]);

      // a variant's own price: refused when negative (inline), then a SKU another variant has (the server, inline)
      const all = (await variantsAPI(id)) ?? [];
      const target = all.find((v) => v.title === 'M / Blue');
      const other = all.find((v) => v.title === 'S / Red');
      if (!target || !other) throw new Error(`unexpected variants ${JSON.stringify(all)}`);
      await variants.getByRole('button', { name: 'Edit M / Blue' }).click();
      const edit = p.getByRole('dialog', { name: 'Edit M / Blue' });
      await edit.getByLabel('Price (USD)', { exact: true }).fill('-1');
      await edit.getByRole('button', { name: 'Save variant' }).click();
      await expect.poll(() => edit.getByLabel('Price (USD)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await edit.getByText('The price must be 0 or more.').isVisible()).toBe(true);
      await edit.getByLabel('Price (USD)', { exact: true }).fill('42.50');
      await edit.getByLabel('SKU').fill(other.sku);
      await edit.getByRole('button', { name: 'Save variant' }).click();
      await expect.poll(() => edit.getByLabel('SKU').getAttribute('aria-invalid')).toBe('true');
      expect(await axe(p), 'variant dialog with a server error').toEqual([]);
      await screen(p, 'admin-variant-dialog-error');
      await edit.getByLabel('SKU').fill(target.sku);
      await edit.getByRole('button', { name: 'Save variant' }).click();
      await expect.poll(() => edit.isVisible()).toBe(false);
      const row = variantRows(p).filter({ has: p.getByRole('rowheader', { name: 'M / Blue' }) });
      await expect.poll(() => row.getByRole('cell').nth(1).innerText()).toBe('$42.50');

      // stock: +7 with a reason
      await variants.getByRole('button', { name: 'Adjust stock of M / Blue' }).click();
      const stock = p.getByRole('dialog', { name: 'Adjust stock of M / Blue' });
      await stock.getByLabel('Units to add').fill('-1');
      await stock.getByRole('button', { name: 'Adjust stock' }).click();
      await expect.poll(() => stock.getByLabel('Units to add').getAttribute('aria-invalid')).toBe('true');
      expect(await stock.getByText('Enter a reason for the change.').isVisible()).toBe(true);
      await stock.getByLabel('Units to add').fill('7');
      await stock.getByLabel('Reason').fill('initial count');
      await stock.getByRole('button', { name: 'Adjust stock' }).click();
      await expect.poll(() => stock.isVisible()).toBe(false);
      await expect.poll(() => row.getByRole('cell').nth(3).innerText()).toBe('7');
      await screen(p, 'admin-product-editor');
      const after = (await variantsAPI(id))?.find((v) => v.id === target.id);
      expect(after).toMatchObject({ price: { amount: 4250 }, stock: 7 });

      // the storefront shows that variant with its price
      const shop = await page();
      await shop.goto(`/products/e2e-tee-${tag}?variant=${target.id}`);
      await expect.poll(() => shop.getByRole('heading', { level: 1, name }).isVisible()).toBe(true);
      await expect.poll(() => shop.getByText('$42.50').first().isVisible()).toBe(true);
      await shop.context().close();

      // dropping M deletes M / Blue, which has stock: the server refuses and says why
      await options.getByRole('button', { name: 'Remove value M of Size' }).click();
      await options.getByRole('button', { name: 'Save options' }).click();
      const refusal = options.getByRole('alert');
      await expect.poll(() => refusal.isVisible()).toBe(true);
      expect(await refusal.innerText()).toMatch(/stock/i);
      expect(await axe(p), 'options refused').toEqual([]);
      await screen(p, 'admin-options-refused');
      // deleting the stocked variant is refused too, with the server's message
      await variants.getByRole('button', { name: 'Delete M / Blue' }).click();
      const del = p.getByRole('dialog', { name: 'Delete M / Blue?' });
      await del.getByRole('button', { name: 'Delete variant' }).click();
      await expect.poll(() => del.getByRole('alert').isVisible()).toBe(true);
      expect(await del.getByRole('alert').innerText()).toMatch(/stock/i);
      await del.getByRole('button', { name: 'Cancel' }).click();
      // an empty variant goes
      await variants.getByRole('button', { name: 'Delete S / Blue' }).click();
      await p.getByRole('dialog', { name: 'Delete S / Blue?' }).getByRole('button', { name: 'Delete variant' }).click();
      await expect.poll(() => variantRows(p).count()).toBe(3);

      // delete the product through the page
      await p.getByRole('region', { name: 'Delete product' }).getByRole('button', { name: 'Delete product' }).click();
      await p.getByRole('dialog', { name: `Delete ${name}?` }).getByRole('button', { name: 'Delete product' }).click();
      await expect.poll(() => new URL(p.url()).pathname).toBe('/admin/products');
      expect(await variantsAPI(id)).toBeNull();
    } finally {
      if (id) await deleteProductAPI(id);
      await p.context().close();
    }
  }, 180_000);

  test("another admin's change meanwhile: saving is refused with 'changed by someone else', reload shows theirs, then saving works", async () => {
    const product = await createProductAPI({ name: `E2E Stale ${uniq()}`, price: 1500 });
    const p = await page();
    try {
      await signInPage(p, ADMIN, `/admin/products/${product.id}`);
      const details = p.getByRole('form', { name: 'Details' });
      await expect.poll(() => details.getByLabel('Name', { exact: true }).inputValue()).toBe(product.name);
      // someone else renames it (version 1 → 2) while this page shows version 1
      const theirs = `${product.name} (theirs)`;
      const current = await adminGraphQL<{ product: { version: number; slug: string; sku: string; category: { id: string } } }>(
        'query($id: ID!) { product(id: $id) { version slug sku category { id } } }',
        { id: product.id },
      );
      await adminGraphQL('mutation($i: UpdateProductInput!) { updateProduct(input: $i) { version } }', {
        i: { id: product.id, version: current.product.version, name: theirs, slug: current.product.slug, price: 1500, categoryId: current.product.category.id, sku: current.product.sku },
      });
      await details.getByLabel('Price (USD)', { exact: true }).fill('19.99');
      await details.getByRole('button', { name: 'Save product' }).click();
      const alert = details.getByRole('alert');
      await expect.poll(() => alert.isVisible()).toBe(true);
      expect(await alert.innerText()).toMatch(/changed by someone else/);
      expect(await axe(p), 'stale edit').toEqual([]);
      await screen(p, 'admin-product-stale');
      // options based on the old version are refused the same way
      const options = p.getByRole('form', { name: 'Options' });
      await options.getByRole('button', { name: 'Add option' }).click();
      await options.getByLabel('Name of option 1').fill('Size');
      await options.getByLabel('Values of option 1').fill('S');
      await options.getByRole('button', { name: 'Save options' }).click();
      await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/changed by someone else/);
      // reload: their name appears, nothing of theirs was overwritten, and a new edit saves
      await alert.getByRole('button', { name: 'Reload product' }).click();
      await expect.poll(() => details.getByLabel('Name', { exact: true }).inputValue()).toBe(theirs);
      expect(await details.getByRole('alert').count()).toBe(0);
      await details.getByLabel('Price (USD)', { exact: true }).fill('19.99');
      await details.getByRole('button', { name: 'Save product' }).click();
      await expect.poll(() => details.getByRole('status').innerText()).toBe('Product saved.');
      const saved = await adminGraphQL<{ product: { name: string; price: { amount: number } } }>('query($id: ID!) { product(id: $id) { name price { amount } } }', { id: product.id });
      expect(saved.product).toMatchObject({ name: theirs, price: { amount: 1999 } });
    } finally {
      await deleteProductAPI(product.id);
      await p.context().close();
    }
  }, 150_000);

  test('products list, filters and editor: axe-clean in dark mode', async () => {
    const p = await page({ colorScheme: 'dark' });
    await signInPage(p, ADMIN, '/admin/products');
    await expect.poll(() => p.getByRole('table', { name: 'Products' }).getByRole('row').count()).toBeGreaterThan(1);
    const rows = p.getByRole('table', { name: 'Products' }).getByRole('row');
    const firstPage = await rows.count();
    await p.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(firstPage);
    await p.getByLabel('Stock').selectOption('in');
    await expect.poll(() => new URL(p.url()).searchParams.get('stock')).toBe('in');
    // the most expensive products are seeded ones, never a product another test creates and deletes meanwhile
    await p.getByLabel('Sort by').selectOption('PRICE_DESC');
    await expect.poll(() => new URL(p.url()).searchParams.get('sort')).toBe('PRICE_DESC');
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'product list (dark)').toEqual([]);
    await screen(p, 'admin-products-dark');
    await p.getByRole('table', { name: 'Products' }).getByRole('link').first().click();
    await p.getByRole('heading', { name: 'Variants' }).waitFor();
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'product editor (dark)').toEqual([]);
    await screen(p, 'admin-product-editor-dark');
    await p.getByRole('link', { name: '← All products' }).click();
    await p.getByRole('link', { name: 'New product' }).click();
    await p.getByRole('heading', { level: 1, name: 'New product' }).waitFor();
    await p.getByRole('button', { name: 'Create product' }).click();
    await expect.poll(() => p.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await axe(p), 'new product with errors (dark)').toEqual([]);
    await screen(p, 'admin-new-product-errors-dark');
    await p.context().close();
  }, 150_000);
});
