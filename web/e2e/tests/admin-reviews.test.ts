// Review moderation (admin remote) as the seeded admin: two reviews of a
// fresh product (1 star by the seeded shopper, 5 stars by a new customer,
// written through the API); hiding the 1-star one needs a reason, takes it
// off the storefront's product page and lifts the rating from 3 to 5;
// restoring brings both back; deleting the 5-star one leaves 1; a review
// body with markup is shown as text. axe light and dark. The product and its reviews are deleted afterwards.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, registerCustomer, signInPage, tokenOf } from '../src/account.ts';
import { SHOPPER } from '../src/accounts.ts';
import { createProductAPI, deleteProductAPI, screen, uniq, writeReviewAPI } from '../src/adminCatalog.ts';
import { adminGraphQL, axe, noBrowser, page } from '../src/harness.ts';

/** The storefront product page's rating label after a fresh load, e.g. "Rated 3 out of 5, 2 reviews". */
async function storefrontRating(shop: Page, slug: string): Promise<string> {
  await shop.goto(`/products/${slug}`);
  await shop.getByRole('heading', { level: 1 }).waitFor();
  return (await shop.getByRole('img', { name: /^Rated|^Not rated/ }).first().getAttribute('aria-label')) ?? '';
}

describe.skipIf(noBrowser)('admin: reviews', () => {
  test('hide with a reason (gone from the storefront, rating 3 → 5), restore, delete', async () => {
    const product = await createProductAPI({ name: `E2E Reviewed ${uniq()}`, price: 2500 });
    const reviewIds: string[] = [];
    const p = await page();
    const shop = await page();
    try {
      const low = `Fell apart ${uniq()}`;
      const high = `Love it ${uniq()}`;
      const hostile = '<img src=x onerror="window.__pwned=1"> The seam split on day two.';
      reviewIds.push(await writeReviewAPI(await tokenOf(SHOPPER), { productId: product.id, rating: 1, title: low, body: hostile, authorName: 'Shopper' }));
      const fan = await registerCustomer('review');
      reviewIds.push(await writeReviewAPI(fan.accessToken, { productId: product.id, rating: 5, title: high, body: 'Fits well, washes well.', authorName: 'Fan' }));
      await expect.poll(() => storefrontRating(shop, product.slug)).toBe('Rated 3 out of 5, 2 reviews');
      await expect.poll(() => shop.getByText(low).isVisible()).toBe(true);

      await signInPage(p, ADMIN, `/admin/reviews?product=${product.id}`);
      await expect.poll(() => p.getByRole('heading', { level: 1, name: 'Reviews' }).isVisible()).toBe(true);
      const table = p.getByRole('table', { name: 'Reviews' });
      await expect.poll(() => table.getByRole('rowgroup').nth(1).getByRole('row').count()).toBe(2);
      expect(await p.getByText(`Product: ${product.name}`).isVisible()).toBe(true);
      // review text is shown as text, never as markup
      expect(await table.getByText(hostile).isVisible()).toBe(true);
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await p.waitForLoadState('networkidle');
      expect(await axe(p), 'reviews').toEqual([]);
      await screen(p, 'admin-reviews');

      // hide: the reason is required
      await p.getByRole('button', { name: `Hide “${low}”` }).click();
      const hide = p.getByRole('dialog', { name: `Hide the review “${low}”?` });
      await hide.getByRole('button', { name: 'Hide review' }).click();
      await expect.poll(() => hide.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
      expect(await axe(p), 'hide dialog with an error').toEqual([]);
      await screen(p, 'admin-reviews-hide-dialog');
      await hide.getByLabel('Reason').fill('Abusive language towards staff');
      await hide.getByRole('button', { name: 'Hide review' }).click();
      await expect.poll(() => p.getByRole('status').filter({ hasText: `“${low}” hidden.` }).innerText()).toContain(`${product.name} is now rated 5.0 from 1 review.`);
      const lowRow = table.getByRole('row').filter({ has: p.getByRole('rowheader', { name: new RegExp(low) }) });
      await expect.poll(() => lowRow.getByText('Hidden', { exact: true }).isVisible()).toBe(true);
      expect(await lowRow.getByText('Reason: Abusive language towards staff').isVisible()).toBe(true);
      await screen(p, 'admin-reviews-hidden');

      await expect.poll(() => storefrontRating(shop, product.slug)).toBe('Rated 5 out of 5, 1 review');
      // the summary and the list are separate queries: each refetches on the event
      await expect.poll(() => shop.getByText(low).count()).toBe(0);
      await expect.poll(() => shop.getByText(high).isVisible()).toBe(true);

      // restore, with a reason
      await p.getByRole('button', { name: `Restore “${low}”` }).click();
      const restore = p.getByRole('dialog', { name: `Restore the review “${low}”?` });
      await restore.getByLabel('Reason').fill('Appeal accepted');
      await restore.getByRole('button', { name: 'Restore review' }).click();
      await expect.poll(() => p.getByRole('status').filter({ hasText: `“${low}” restored.` }).innerText()).toContain('is now rated 3.0 from 2 reviews.');
      await expect.poll(() => storefrontRating(shop, product.slug)).toBe('Rated 3 out of 5, 2 reviews');
      await expect.poll(() => shop.getByText(low).isVisible()).toBe(true);

      // delete the 5-star review
      await p.getByRole('button', { name: `Delete “${high}”` }).click();
      await p.getByRole('dialog', { name: `Delete the review “${high}”?` }).getByRole('button', { name: 'Delete review' }).click();
      await expect.poll(() => p.getByRole('status').filter({ hasText: `“${high}” deleted.` }).innerText()).toContain('is now rated 1.0 from 1 review.');
      await expect.poll(() => table.getByRole('rowgroup').nth(1).getByRole('row').count()).toBe(1);
      await expect.poll(() => storefrontRating(shop, product.slug)).toBe('Rated 1 out of 5, 1 review');
    } finally {
      for (const id of reviewIds) await adminGraphQL('mutation($id: ID!) { deleteReview(id: $id) { id } }', { id }).catch(() => undefined);
      await deleteProductAPI(product.id);
      await shop.context().close();
      await p.context().close();
    }
  }, 180_000);

  test('the moderation list, filtered and with a dialog open: axe-clean in dark mode', async () => {
    const p = await page({ colorScheme: 'dark' });
    await signInPage(p, ADMIN, '/admin/products');
    // the account menu leads admins to the moderation page
    await p.getByRole('button', { name: /^Account/ }).click();
    await p.getByRole('menu', { name: 'Account' }).getByRole('menuitem', { name: 'Reviews' }).click();
    await p.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await p.getByLabel('Status').selectOption('VISIBLE');
    await expect.poll(() => new URL(p.url()).searchParams.get('status')).toBe('VISIBLE');
    await p.getByLabel('Rating').selectOption('5');
    await expect.poll(() => new URL(p.url()).searchParams.get('rating')).toBe('5');
    await p.waitForLoadState('networkidle');
    await expect.poll(async () => (await p.getByRole('table', { name: 'Reviews' }).count()) + (await p.getByRole('heading', { name: /^No reviews/ }).count())).toBe(1);
    expect(await axe(p), 'reviews (dark)').toEqual([]);
    await screen(p, 'admin-reviews-dark');
    const hideButtons = p.getByRole('button', { name: /^Hide “/ });
    if ((await hideButtons.count()) > 0) {
      await hideButtons.first().click();
      await p.getByRole('dialog').getByLabel('Reason').waitFor();
      expect(await axe(p), 'hide dialog (dark)').toEqual([]);
      await p.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    }
    await p.context().close();
  }, 150_000);
});
