// Reviews on the product page, with two shoppers on the same product:
// page A (a customer, signed in through the section's own "Sign in to write
// a review" link) writes, edits and deletes a review; page B (anonymous,
// later another customer) sees the rating, the count and the list change
// live, without a reload. Also: inline validation, hostile text shown as
// text, no helpful vote on one's own review, a helpful vote from B after
// the sign-in it prompts, and axe on the section in light and dark mode.
// The product and every review are made for this file and removed after it.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, apiOK, registerCustomer, type Account } from '../src/account.ts';
import { signInUI } from '../src/authPages.ts';
import { apiCategories, cards } from '../src/catalog.ts';
import { adminGraphQL, axe, noBrowser, page } from '../src/harness.ts';

const tag = randomBytes(3).toString('hex');
const name = `E2E Review Lamp ${tag}`;
const slug = `e2e-review-lamp-${tag}`;
const HOSTILE = '<img src=x onerror=alert(1)>';
const REVIEW = 'id rating title status';
let productId = '';
let emptyId = '';
let manyId = '';
let writer: Account;
let other: Account;
/** The section, for axe: the rest of the product page is other tests' business. */
const SECTION = 'section[aria-labelledby="reviews-heading"]';
const shots = process.env.E2E_SCREENSHOTS; // a folder: the test saves what it sees there (look at them)

const shot = async (p: Page, file: string) => {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await p.getByRole('region', { name: 'Customer reviews' }).screenshot({ path: join(shots, `${file}.png`) });
};
const section = (p: Page) => p.getByRole('region', { name: 'Customer reviews' });
/** The summary's stars ("Rated 3.5 out of 5, 2 reviews"), the first rating image of the section. */
const summary = (p: Page) => section(p).getByRole('img', { name: /^(Rated|Not rated)/ }).first().getAttribute('aria-label');
const reviewList = (p: Page) => section(p).getByRole('list', { name: 'Reviews' });
const reviewArticle = (scope: Locator, title: string) => scope.getByRole('article', { name: title, exact: true });
const noReload = (p: Page) => p.evaluate(() => ((window as unknown as { e2eMarker: number }).e2eMarker = 1));
const notReloaded = (p: Page) => p.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker);

beforeAll(async () => {
  const categories = await apiCategories();
  const category = categories[categories.length - 1];
  if (!category) throw new Error('no categories');
  // A demo image for the test products: an image-less card shows a "No image" placeholder whose contrast axe
  // refuses, and other files (a11y) check the catalog while these products are the newest.
  const demo = await adminGraphQL<{ products: { edges: { node: { images: { url: string }[] } }[] } }>('{ products(first: 5) { edges { node { images { url } } } } }');
  const url = demo.products.edges.flatMap((e) => e.node.images)[0]?.url;
  const images = url ? [{ url, alt: 'A lamp', isPrimary: true }] : [];
  const { createProduct } = await adminGraphQL<{ createProduct: { id: string } }>(
    'mutation($in: CreateProductInput!) { createProduct(input: $in) { id } }',
    { in: { name, slug, description: 'A lamp the reviews browser test reviews.', price: 4200, categoryId: category.id, sku: `E2E-R-${tag}`, stock: 10, images } },
  );
  productId = createProduct.id;
  const { createProduct: empty } = await adminGraphQL<{ createProduct: { id: string } }>(
    'mutation($in: CreateProductInput!) { createProduct(input: $in) { id } }',
    { in: { name: `${name} (unreviewed)`, slug: `${slug}-unreviewed`, description: 'Nobody reviewed this one.', price: 4300, categoryId: category.id, sku: `E2E-R0-${tag}`, stock: 10, images } },
  );
  emptyId = empty.id;
  const { createProduct: many } = await adminGraphQL<{ createProduct: { id: string } }>(
    'mutation($in: CreateProductInput!) { createProduct(input: $in) { id } }',
    { in: { name: `${name} (much reviewed)`, slug: `${slug}-many`, description: 'Eleven shoppers reviewed this one.', price: 4400, categoryId: category.id, sku: `E2E-R11-${tag}`, stock: 10, images } },
  );
  manyId = many.id;
  [writer, other] = await Promise.all([registerCustomer('reviews-a'), registerCustomer('reviews-c')]);
  // One review before the pages open: 2 stars, so A's 5 stars visibly move the mean (2.0 → 3.5).
  await apiOK(`mutation($i: WriteReviewInput!) { writeReview(input: $i) { ${REVIEW} } }`, { i: { productId, rating: 2, title: 'Too dim', body: 'Fine lamp,\nbut too dim for reading.', authorName: 'Cee' } }, other.accessToken);
});

afterAll(async () => {
  // Whatever reviews are left (the first test deletes its own on success), then the products.
  for (const id of [productId, emptyId, manyId].filter(Boolean)) {
    const left = await adminGraphQL<{ reviews: { edges: { node: { id: string } }[] } }>('query($f: ReviewFilter) { reviews(first: 100, filter: $f) { edges { node { id } } } }', { f: { productId: id } }).catch(() => null);
    for (const e of left?.reviews.edges ?? []) await adminGraphQL('mutation($id: ID!) { deleteReview(id: $id) { id } }', { id: e.node.id }).catch(() => undefined);
    await adminGraphQL('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id });
  }
});

describe.skipIf(noBrowser)('reviews', () => {
  test('A writes, edits and deletes a review; B sees rating, count and list follow live; votes; hostile text stays text', async () => {
    const b = await page();
    const alerts: string[] = [];
    b.on('dialog', (d) => void (alerts.push(d.message()), d.dismiss()));
    await b.goto(`/products/${slug}`);
    await b.getByRole('heading', { level: 1, name }).waitFor();
    await expect.poll(() => summary(b)).toBe('Rated 2 out of 5, 1 review');
    expect(await section(b).innerText()).toContain('2.0 out of 5');
    await reviewArticle(reviewList(b), 'Too dim').waitFor();
    expect(await reviewArticle(reviewList(b), 'Too dim').innerText()).toContain('Fine lamp,\nbut too dim for reading.');
    await noReload(b);

    // A signs in from the section's link and comes back to the product.
    const a = await page();
    a.on('dialog', (d) => void (alerts.push(d.message()), d.dismiss()));
    await a.goto(`/products/${slug}`);
    await section(a).getByRole('link', { name: 'Sign in to write a review' }).click();
    await a.waitForURL(/\/account\/sign-in\?next=/);
    await signInUI(a, writer.email, writer.password);
    await expect.poll(() => new URL(a.url()).pathname).toBe(`/products/${slug}`);
    await section(a).getByRole('button', { name: 'Write a review' }).click();
    const form = section(a).getByRole('form', { name: 'Write a review' });
    await form.waitFor();
    expect(await form.getByLabel('Display name').inputValue()).toBe(`${writer.firstName} ${writer.lastName[0]}.`);

    // Empty title (and no stars): named inline, nothing sent.
    await form.getByLabel('Review', { exact: true }).fill('Bright and warm.\nWorks with the dimmer.');
    await form.getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await form.innerText()).toContain('Enter a title.');
    expect(await form.innerText()).toContain('Choose a rating from 1 to 5 stars.');
    expect(await axe(a, SECTION), 'reviews form open (light)').toEqual([]);
    await shot(a, 'a-form-errors');

    await form.getByRole('radio', { name: '5 stars' }).check();
    await form.getByLabel('Title').fill(HOSTILE);
    await form.getByRole('button', { name: 'Submit review' }).click();
    const mine = section(a).getByRole('region', { name: 'Your review' });
    await reviewArticle(mine, HOSTILE).waitFor();
    await shot(a, 'a-own-review');

    // B: the mean and count change live, the review appears, its title as text.
    await expect.poll(() => summary(b), { timeout: 20_000 }).toBe('Rated 3.5 out of 5, 2 reviews');
    const onB = reviewArticle(reviewList(b), HOSTILE);
    await onB.waitFor();
    expect(await onB.locator('img').count()).toBe(0);
    expect(await onB.innerText()).toContain('Bright and warm.\nWorks with the dimmer.');
    expect(await section(b).getByRole('list', { name: 'Rating distribution' }).innerText()).toMatch(/^5 stars\W*1\W/m);
    expect(await notReloaded(b)).toBe(1);
    await shot(b, 'b-after-write');

    // A edits: 5 → 3 stars; B's mean follows (2.5).
    await mine.getByRole('button', { name: 'Edit your review' }).click();
    const edit = section(a).getByRole('form', { name: 'Edit your review' });
    await edit.getByRole('radio', { name: '3 stars' }).check();
    await edit.getByRole('button', { name: 'Save review' }).click();
    await reviewArticle(section(a).getByRole('region', { name: 'Your review' }), HOSTILE).waitFor();
    await expect.poll(() => summary(b), { timeout: 20_000 }).toBe('Rated 2.5 out of 5, 2 reviews');
    expect(await notReloaded(b)).toBe(1);

    // No helpful vote on one's own review: no button, and the API refuses it.
    expect(await mine.getByRole('button', { name: /^Helpful/ }).count()).toBe(0);
    const ownId = (await apiOK<{ product: { viewerReview: { id: string } } }>('query($id: ID!) { product(id: $id) { viewerReview { id } } }', { id: productId }, writer.accessToken)).product.viewerReview.id;
    const refused = await api('mutation($id: ID!) { voteReviewHelpful(id: $id, helpful: true) { id } }', { id: ownId }, writer.accessToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID');

    // B votes: signed out, "Helpful" asks to sign in and comes back; then the vote counts.
    await reviewArticle(reviewList(b), HOSTILE).getByRole('button', { name: 'Helpful (0)' }).click();
    await b.waitForURL(/\/account\/sign-in\?next=/);
    await signInUI(b, other.email, other.password);
    await expect.poll(() => new URL(b.url()).pathname).toBe(`/products/${slug}`);
    await reviewArticle(section(b).getByRole('region', { name: 'Your review' }), 'Too dim').waitFor();
    const helpful = reviewArticle(reviewList(b), HOSTILE).getByRole('button', { name: /^Helpful/ });
    // three quick clicks (on, off, on) end as one vote, on the page and on the server
    for (let i = 0; i < 3; i++) await helpful.click();
    await expect.poll(() => helpful.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => helpful.innerText()).toContain('Helpful (1)');
    const voted = () => apiOK<{ product: { reviews: { edges: { node: { title: string; helpfulCount: number; viewerFoundHelpful: boolean } }[] } } }>(
      'query($id: ID!) { product(id: $id) { reviews(first: 10) { edges { node { title helpfulCount viewerFoundHelpful } } } } }', { id: productId }, other.accessToken);
    await expect.poll(async () => (await voted()).product.reviews.edges.find((e) => e.node.title === HOSTILE)?.node).toEqual({ title: HOSTILE, helpfulCount: 1, viewerFoundHelpful: true });
    await shot(b, 'b-voted');
    expect(await axe(b, SECTION), 'own review and a pressed Helpful (light)').toEqual([]);

    // An admin hides A's review: A learns why (live), B's rating no longer counts it.
    await noReload(b);
    await adminGraphQL('mutation($id: ID!, $r: String!) { hideReview(id: $id, reason: $r) { id } }', { id: ownId, r: 'Please keep markup out of titles.' });
    const note = section(a).getByRole('region', { name: 'Your review' }).getByRole('note');
    await expect.poll(() => note.innerText().catch(() => ''), { timeout: 20_000 }).toContain('Reason: Please keep markup out of titles.');
    await expect.poll(() => summary(b), { timeout: 20_000 }).toBe('Rated 2 out of 5, 1 review');
    await expect.poll(() => reviewArticle(reviewList(b), HOSTILE).count()).toBe(0);
    await shot(a, 'a-hidden');
    expect(await axe(a, SECTION), 'own review, hidden (light)').toEqual([]);
    await adminGraphQL('mutation($id: ID!, $r: String!) { restoreReview(id: $id, reason: $r) { id } }', { id: ownId, r: 'Fine after all.' });
    await expect.poll(() => summary(b), { timeout: 20_000 }).toBe('Rated 2.5 out of 5, 2 reviews');
    await expect.poll(() => note.count()).toBe(0);

    // The catalog card's rating follows too (the newest product comes first in the catalog's default order).
    const catalog = await page();
    await catalog.goto('/products');
    const card = cards(catalog).filter({ has: catalog.getByRole('link', { name, exact: true }) });
    await expect.poll(() => card.getByRole('img', { name: /^Rated/ }).getAttribute('aria-label')).toBe('Rated 2.5 out of 5, 2 reviews');

    // A deletes (confirmed); B's rating returns to B's own 2 stars, the review leaves B's list.
    await section(a).getByRole('region', { name: 'Your review' }).getByRole('button', { name: 'Delete your review' }).click();
    await a.getByRole('dialog', { name: 'Delete your review?' }).getByRole('button', { name: 'Delete review' }).click();
    await section(a).getByRole('button', { name: 'Write a review' }).waitFor();
    await expect.poll(() => summary(b), { timeout: 20_000 }).toBe('Rated 2 out of 5, 1 review');
    await expect.poll(() => reviewArticle(reviewList(b), HOSTILE).count()).toBe(0);
    expect(await notReloaded(b)).toBe(1);
    await expect.poll(() => card.getByRole('img', { name: /^(Rated|Not rated)/ }).getAttribute('aria-label')).toBe('Rated 2 out of 5, 1 review');
    expect(alerts).toEqual([]);
    await catalog.context().close();
    await a.context().close();
    await b.context().close();
  }, 150_000);

  test('the section is axe-clean in dark mode, signed out and with the form open', async () => {
    const reader = await registerCustomer('reviews-d');
    const p = await page({ colorScheme: 'dark' });
    await p.goto(`/products/${slug}`);
    await p.getByRole('heading', { level: 1, name }).waitFor();
    expect(await p.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await reviewArticle(reviewList(p), 'Too dim').waitFor();
    await p.waitForLoadState('networkidle');
    expect(await axe(p, SECTION), 'reviews signed out (dark)').toEqual([]);
    await shot(p, 'dark-signed-out');
    await section(p).getByRole('link', { name: 'Sign in to write a review' }).click();
    await p.waitForURL(/\/account\/sign-in\?next=/);
    await signInUI(p, reader.email, reader.password);
    await section(p).getByRole('button', { name: 'Write a review' }).click();
    await section(p).getByRole('form', { name: 'Write a review' }).getByRole('button', { name: 'Submit review' }).click();
    await expect.poll(() => section(p).getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(p, SECTION), 'reviews form with errors (dark)').toEqual([]);
    await shot(p, 'dark-form-errors');
    await p.context().close();
  }, 150_000);

  test('a product without reviews invites the first one; offline, the section says so and keeps what it shows', async () => {
    const p = await page();
    await p.goto(`/products/${slug}-unreviewed`);
    await p.getByRole('heading', { level: 1, name: `${name} (unreviewed)` }).waitFor();
    await section(p).getByRole('heading', { name: 'No reviews yet — be the first' }).waitFor();
    expect(await section(p).innerText()).toContain('Not rated yet');
    expect(await axe(p, SECTION), 'no reviews (light)').toEqual([]);
    await shot(p, 'empty');
    await p.context().setOffline(true);
    await section(p).getByRole('status').filter({ hasText: 'You are offline' }).waitFor();
    expect(await section(p).getByRole('heading', { name: 'No reviews yet — be the first' }).isVisible()).toBe(true);
    await shot(p, 'offline');
    await p.context().setOffline(false);
    await expect.poll(() => section(p).getByRole('status').filter({ hasText: 'You are offline' }).count()).toBe(0);
    await p.context().close();
  });

  test('eleven reviews: ten at first, "Show more reviews" adds the eleventh once; the sort select reorders from the first page', async () => {
    const shoppers = await Promise.all(Array.from({ length: 11 }, (_, i) => registerCustomer(`reviews-m${i}`)));
    for (const [i, s] of shoppers.entries()) {
      await apiOK(`mutation($i: WriteReviewInput!) { writeReview(input: $i) { ${REVIEW} } }`, { i: { productId: manyId, rating: (i % 5) + 1, title: `Review number ${i + 1}`, body: `Text ${i + 1}`, authorName: `Shopper ${i + 1}` } }, s.accessToken);
    }
    const p = await page();
    await p.goto(`/products/${slug}-many`);
    await p.getByRole('heading', { level: 1, name: `${name} (much reviewed)` }).waitFor();
    const articles = reviewList(p).getByRole('article');
    await expect.poll(() => articles.count()).toBe(10);
    expect(await section(p).innerText()).toContain('Showing 10 of 11 reviews');
    // newest first: the last one written leads
    expect(await articles.first().getByRole('heading').innerText()).toBe('Review number 11');
    await section(p).getByRole('button', { name: 'Show more reviews' }).click();
    await expect.poll(() => articles.count()).toBe(11);
    const titles = await articles.getByRole('heading').allInnerTexts();
    expect(new Set(titles).size).toBe(11);
    expect(await section(p).getByRole('button', { name: 'Show more reviews' }).count()).toBe(0);
    const stars = () => articles.getByRole('img', { name: /^Rated/ }).evaluateAll((els) => els.map((e) => Number(/Rated (\d)/.exec(e.getAttribute('aria-label') ?? '')?.[1])));
    await section(p).getByRole('combobox', { name: 'Sort reviews' }).selectOption({ label: 'Lowest rating' });
    await expect.poll(stars).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
    await section(p).getByRole('combobox', { name: 'Sort reviews' }).selectOption({ label: 'Highest rating' });
    await expect.poll(stars).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    await shot(p, 'many-highest');
    await p.context().close();
  }, 150_000);
});
