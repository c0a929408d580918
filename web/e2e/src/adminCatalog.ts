// What the admin catalog and moderation browser tests share: a product made
// (and removed) through the API as the seeded admin, its variants as the API
// reports them, reviews written through the API as a given customer, and a
// screenshot of a page for a person to look at (web/e2e/artifacts/screens).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { adminGraphQL } from './harness.ts';
import { apiCategories } from './catalog.ts';
import { apiOK } from './account.ts';
import { artifacts } from './processes.ts';

/** A tag unique to this run and call, for names, slugs and SKUs that no other test uses. */
export const uniq = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** A leaf category's id (any category will do; a leaf keeps the product out of nobody's way). */
export async function someCategory(): Promise<{ id: string; name: string }> {
  const cats = await apiCategories();
  const leaf = cats.find((c) => !cats.some((x) => x.parent?.id === c.id)) ?? cats[0];
  if (!leaf) throw new Error('the catalog has no categories');
  return leaf;
}

/** A product created through the API as the admin; delete it with deleteProductAPI. */
export async function createProductAPI(o: { name: string; price: number }): Promise<{ id: string; slug: string; name: string }> {
  const tag = uniq();
  const cat = await someCategory();
  const d = await adminGraphQL<{ createProduct: { id: string; slug: string; name: string } }>(
    'mutation($i: CreateProductInput!) { createProduct(input: $i) { id slug name } }',
    { i: { name: o.name, slug: `e2e-${tag}`, price: o.price, categoryId: cat.id, sku: `E2E-${tag}`.toUpperCase(), stock: 5 } },
  );
  return d.createProduct;
}

/** Deletes a product (ignoring one already gone), so a test leaves the catalog as it found it. */
export async function deleteProductAPI(id: string): Promise<void> {
  await adminGraphQL('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id }).catch(() => undefined);
}

/** A product's variants as the API reports them (by id, title, price and stock), or null when it is gone. */
export async function variantsAPI(id: string): Promise<Array<{ id: string; title: string; sku: string; price: { amount: number }; stock: number }> | null> {
  const d = await adminGraphQL<{ product: { variants: Array<{ id: string; title: string; sku: string; price: { amount: number }; stock: number }> } | null }>(
    'query($id: ID!) { product(id: $id) { variants { id title sku price { amount } stock } } }',
    { id },
  );
  return d.product?.variants ?? null;
}

/** Writes a review as the customer holding `token`; returns its id. */
export async function writeReviewAPI(token: string, i: { productId: string; rating: number; title: string; body: string; authorName: string }): Promise<string> {
  const d = await apiOK<{ writeReview: { id: string } }>('mutation($i: WriteReviewInput!) { writeReview(input: $i) { id } }', { i }, token);
  return d.writeReview.id;
}

/** Saves a full-page screenshot under web/e2e/artifacts/screens (not asserted: for people to look at). */
export async function screen(p: Page, name: string): Promise<void> {
  const dir = join(artifacts, 'screens');
  mkdirSync(dir, { recursive: true });
  await p.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
