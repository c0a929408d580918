// The product page's variant picker on an apparel product of the demo
// catalog: pick a size and a colour, see that variant's price, stock and SKU
// (compared with the API's values for it), a sold-out combination marked as
// such, the selection in the URL (reload and back keep it, a live stock
// change does not move it), and axe-clean in light and dark.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { adminGraphQL, axe, noBrowser, page } from '../src/harness.ts';
import { apiCategories, money } from '../src/catalog.ts';
import { description } from '../src/facets.ts';

interface ApiVariant {
  id: string;
  sku: string;
  stock: number;
  price: { amount: number };
  selectedOptions: { name: string; value: string }[];
}
interface ApiProduct {
  slug: string;
  name: string;
  options: { name: string; values: string[] }[];
  variants: ApiVariant[];
}

/** An apparel product sold in two options with a sold-out variant and at least two in stock (the demo seed has many). */
async function apparelProduct(): Promise<ApiProduct> {
  const apparel = (await apiCategories()).find((c) => c.name === 'Apparel');
  if (!apparel) throw new Error('no Apparel category in the demo catalog');
  const data = await adminGraphQL<{ products: { edges: { node: ApiProduct }[] } }>(
    `query($f: ProductFilter) { products(first: 100, filter: $f) { edges { node {
      slug name options { name values } variants { id sku stock price { amount } selectedOptions { name value } } } } } }`,
    { f: { categoryId: apparel.id } },
  );
  const found = data.products.edges
    .map((e) => e.node)
    .find((x) => x.options.length === 2 && x.variants.some((v) => v.stock === 0) && x.variants.filter((v) => v.stock > 0).length >= 2);
  if (!found) throw new Error('no apparel product with two options, a sold-out variant and two in stock');
  return found;
}

const valueOf = (v: ApiVariant, option: string) => v.selectedOptions.find((o) => o.name === option)?.value ?? '';
const radio = (p: Page, option: string, value: string) => p.getByRole('radiogroup', { name: option, exact: true }).getByRole('radio', { name: value, exact: true });

/** Clicks a value's chip (its label: the radio itself is visually hidden) and waits until it is checked. */
async function pick(p: Page, option: string, value: string): Promise<void> {
  await p.getByRole('radiogroup', { name: option, exact: true }).locator('label').filter({ hasText: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
  await expect.poll(() => radio(p, option, value).isChecked()).toBe(true);
}

/** What the page shows for the selected variant: price (major units), the availability line and the SKU. */
async function shown(p: Page): Promise<{ price: number; availability: string; sku: string }> {
  const group = p.getByRole('group', { name: 'Price and stock' });
  return {
    price: money(await group.innerText()),
    availability: (await p.getByRole('definition').filter({ hasText: /available$/ }).innerText()).trim(),
    sku: (await p.getByRole('term').filter({ hasText: 'SKU' }).locator('xpath=following-sibling::dd[1]').innerText()).trim(),
  };
}

const expected = (v: ApiVariant) => ({ price: v.price.amount / 100, availability: v.stock > 0 ? `${v.stock} available` : 'None available', sku: v.sku });

describe.skipIf(noBrowser)('variant picker', () => {
  test('pick a size and a colour: the variant’s price, stock and SKU; sold out marked; the URL holds the pick through reload and back', async () => {
    const product = await apparelProduct();
    const [first, second] = product.options as [ApiProduct['options'][number], ApiProduct['options'][number]];
    const initial = product.variants.find((v) => v.stock > 0) as ApiVariant;
    const p = await page();
    await p.goto(`/products/${product.slug}`);
    await p.getByRole('heading', { level: 1, name: product.name }).waitFor();

    // The first variant in stock is selected, and the URL says so (a shareable link to it).
    await expect.poll(() => new URL(p.url()).searchParams.get('variant')).toBe(initial.id);
    for (const o of product.options) expect(await radio(p, o.name, valueOf(initial, o.name)).isChecked()).toBe(true);
    await expect.poll(() => shown(p)).toEqual(expected(initial));

    // Another in-stock variant: pick its size, then its colour.
    const target = product.variants.find((v) => v.stock > 0 && v.id !== initial.id) as ApiVariant;
    await pick(p, first.name, valueOf(target, first.name));
    await pick(p, second.name, valueOf(target, second.name));
    await expect.poll(() => new URL(p.url()).searchParams.get('variant')).toBe(target.id);
    await expect.poll(() => shown(p)).toEqual(expected(target));

    // Reload: the URL restores the selection.
    await p.reload();
    await p.getByRole('heading', { level: 1, name: product.name }).waitFor();
    await expect.poll(() => radio(p, second.name, valueOf(target, second.name)).isChecked()).toBe(true);
    expect(await radio(p, first.name, valueOf(target, first.name)).isChecked()).toBe(true);
    await expect.poll(() => shown(p)).toEqual(expected(target));

    // A sold-out combination: with the other option set to its value, its value reads "Sold out" before it is picked;
    // picking it shows the variant as sold out (None available).
    const soldOut = product.variants.find((v) => v.stock === 0) as ApiVariant;
    await pick(p, first.name, valueOf(soldOut, first.name));
    await expect.poll(() => radio(p, first.name, valueOf(soldOut, first.name)).isChecked()).toBe(true);
    if (!(await radio(p, second.name, valueOf(soldOut, second.name)).isChecked())) {
      await expect.poll(() => description(radio(p, second.name, valueOf(soldOut, second.name)))).toBe('Sold out');
      await pick(p, second.name, valueOf(soldOut, second.name));
    }
    await expect.poll(() => new URL(p.url()).searchParams.get('variant')).toBe(soldOut.id);
    await expect.poll(() => description(radio(p, second.name, valueOf(soldOut, second.name)))).toBe('Sold out');
    expect(await description(radio(p, first.name, valueOf(soldOut, first.name)))).toBe('Sold out');
    await expect.poll(() => shown(p)).toEqual(expected(soldOut));
    expect(await p.getByRole('group', { name: 'Price and stock' }).innerText()).toContain('Out of stock');

    // Back: the previous pick again.
    await p.goBack();
    await expect.poll(() => new URL(p.url()).searchParams.get('variant')).not.toBe(soldOut.id);
    const back = product.variants.find((v) => v.id === new URL(p.url()).searchParams.get('variant')) as ApiVariant;
    await expect.poll(() => shown(p)).toEqual(expected(back));
    await p.context().close();
  });

  test('rapid picks end on the last one, in the URL and on screen', async () => {
    const product = await apparelProduct();
    const size = product.options[0] as ApiProduct['options'][number];
    const p = await page();
    await p.goto(`/products/${product.slug}`);
    await p.getByRole('radiogroup', { name: size.name, exact: true }).waitFor();
    const chips = p.getByRole('radiogroup', { name: size.name, exact: true }).locator('label');
    // Click through every size without waiting in between, then back to the first.
    for (let i = 0; i < size.values.length; i++) await chips.nth(i).click();
    await chips.nth(0).click();
    const first = size.values[0] ?? '';
    await expect.poll(() => radio(p, size.name, first).isChecked()).toBe(true);
    await expect.poll(() => {
      const id = new URL(p.url()).searchParams.get('variant');
      return product.variants.find((v) => v.id === id)?.selectedOptions.find((o) => o.name === size.name)?.value;
    }).toBe(first);
    const selected = product.variants.find((v) => v.id === new URL(p.url()).searchParams.get('variant')) as ApiVariant;
    await expect.poll(() => shown(p)).toEqual(expected(selected));
    await p.context().close();
  });

  test('a live stock change keeps the selection: the selected variant sells out on screen and stays selected', async () => {
    const product = await apparelProduct();
    const initial = product.variants.find((v) => v.stock > 0) as ApiVariant;
    const p = await page();
    await p.goto(`/products/${product.slug}`);
    await expect.poll(() => new URL(p.url()).searchParams.get('variant')).toBe(initial.id);
    await expect.poll(() => shown(p)).toEqual(expected(initial));
    const adjust = (delta: number) =>
      adminGraphQL('mutation($v: ID!, $d: Int!) { adjustStock(variantId: $v, delta: $d, reason: "e2e: variant sells out") { delta } }', { v: initial.id, d: delta });
    await adjust(-initial.stock);
    try {
      // Another variant is now the first in stock; the page still shows the one the URL names, sold out.
      await expect.poll(() => shown(p), { timeout: 20_000 }).toEqual(expected({ ...initial, stock: 0 }));
      expect(new URL(p.url()).searchParams.get('variant')).toBe(initial.id);
      for (const o of product.options) expect(await radio(p, o.name, valueOf(initial, o.name)).isChecked()).toBe(true);
    } finally {
      await adjust(initial.stock);
    }
    await expect.poll(() => shown(p), { timeout: 20_000 }).toEqual(expected(initial));
    await p.context().close();
  });

  test('a product of its own: a combination not sold reads "Unavailable in …" and leads to the closest variant, whose own price and images show', async () => {
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const category = (await apiCategories()).find((c) => c.name === "Women's Dresses");
    if (!category) throw new Error("no Women's Dresses category");
    const seeded = await adminGraphQL<{ products: { edges: { node: { images: { url: string }[] } }[] } }>('{ products(first: 2) { edges { node { images { url } } } } }');
    const [productImage, variantImage] = seeded.products.edges.map((e) => e.node.images[0]?.url ?? '');
    if (!productImage || !variantImage || productImage === variantImage) throw new Error('two seeded images needed');
    const name = `E2E Variant Dress ${tag}`;
    const created = await adminGraphQL<{ createProduct: { id: string; version: number } }>(
      'mutation($in: CreateProductInput!) { createProduct(input: $in) { id version } }',
      { in: { name, slug: `e2e-variant-dress-${tag}`, description: 'A dress the browser tests give options.', price: 5000, categoryId: category.id, sku: `E2E-VD-${tag}`, stock: 4, images: [{ url: productImage, alt: 'The dress', isPrimary: true }] } },
    );
    const id = created.createProduct.id;
    try {
      const opts = await adminGraphQL<{ setProductOptions: { version: number } }>('mutation($in: SetProductOptionsInput!) { setProductOptions(input: $in) { version } }', {
        in: { productId: id, version: created.createProduct.version, options: [{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Red', 'Blue'] }] },
      });
      const gen = await adminGraphQL<{ generateVariants: { variants: (ApiVariant & { version: number })[] } }>(
        'mutation($in: GenerateVariantsInput!) { generateVariants(input: $in) { variants { id version sku stock price { amount } selectedOptions { name value } } } }',
        { in: { productId: id, version: opts.setProductOptions.version } },
      );
      const find = (size: string, colour: string) => gen.generateVariants.variants.find((v) => valueOf(v, 'Size') === size && valueOf(v, 'Colour') === colour);
      const mRed = find('M', 'Red');
      const mBlue = find('M', 'Blue');
      if (!mRed || !mBlue) throw new Error('generateVariants made no M variants');
      // M/Red is not sold at all; M/Blue has stock, its own price and its own image.
      await adminGraphQL('mutation($id: ID!) { deleteVariant(id: $id) { id } }', { id: mRed.id });
      await adminGraphQL('mutation($in: UpdateVariantInput!) { updateVariant(input: $in) { id } }', {
        in: { id: mBlue.id, version: mBlue.version, sku: mBlue.sku, price: 6500, images: [{ url: variantImage, alt: 'The dress in blue', isPrimary: true }] },
      });
      await adminGraphQL('mutation($v: ID!) { adjustStock(variantId: $v, delta: 3, reason: "e2e: blue arrives") { delta } }', { v: mBlue.id });

      const p = await page();
      await p.goto(`/products/e2e-variant-dress-${tag}`);
      await p.getByRole('heading', { level: 1, name }).waitFor();
      const mainImage = () => p.getByRole('img', { name: /^The dress/ }).first().getAttribute('src');
      // S/Red (the default variant, keeping its stock) is the first in stock: the product's image.
      await expect.poll(() => radio(p, 'Colour', 'Red').isChecked()).toBe(true);
      expect(await radio(p, 'Size', 'S').isChecked()).toBe(true);
      expect(await mainImage()).toBe(productImage);
      expect(await description(radio(p, 'Size', 'M'))).toBe('Unavailable in Red');
      expect(await radio(p, 'Size', 'M').isDisabled()).toBe(false);

      // Picking M moves to M/Blue, the closest variant that has it: its price, stock and image.
      await pick(p, 'Size', 'M');
      await expect.poll(() => new URL(p.url()).searchParams.get('variant')).toBe(mBlue.id);
      expect(await radio(p, 'Colour', 'Blue').isChecked()).toBe(true);
      await expect.poll(() => shown(p)).toEqual({ price: 65, availability: '3 available', sku: mBlue.sku });
      await expect.poll(mainImage).toBe(variantImage);
      expect(await description(radio(p, 'Colour', 'Red'))).toBe('Unavailable in M');
      await p.context().close();
    } finally {
      await adminGraphQL('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id });
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the product page with its picker (${colorScheme}): no serious or critical axe violations`, async () => {
      const product = await apparelProduct();
      const soldOut = product.variants.find((v) => v.stock === 0) as ApiVariant;
      const p = await page({ colorScheme });
      // Open it on the sold-out variant, so struck values and the sold-out state are checked too.
      await p.goto(`/products/${product.slug}?variant=${soldOut.id}`);
      await p.getByRole('radiogroup', { name: product.options[0]?.name ?? '' }).waitFor();
      await p.waitForLoadState('networkidle');
      expect(await axe(p), `product page (${colorScheme})`).toEqual([]);
      await p.context().close();
    });
  }
});
