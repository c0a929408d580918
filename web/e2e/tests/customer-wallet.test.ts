// Payment methods and the wishlist as a fresh shopper: a test card goes
// only to the tokenizer and is shown masked; the wishlist heart on a product
// page adds the product, /account/wishlist shows it, removing empties it;
// signed out, the heart leads to sign-in and back.
import type { Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiOK, registerCustomer, signInPage } from '../src/account.ts';
import { cards } from '../src/catalog.ts';
import { axe, noBrowser, page } from '../src/harness.ts';

describe.skipIf(noBrowser)('payment methods and wishlist', () => {
  test('a test card is tokenized, saved masked and deleted; its number goes only to the tokenizer', async () => {
    const me = await registerCustomer('cards');
    const p = await page();
    const carrying: string[] = [];
    p.on('request', (r: Request) => {
      const body = r.postData() ?? '';
      if (r.url().includes('/graphql') && body.includes('4242424242424242')) carrying.push((JSON.parse(body) as { query: string }).query);
    });
    await signInPage(p, me, '/account/payment-methods');
    await expect.poll(() => p.getByRole('heading', { name: 'No saved payment methods' }).isVisible()).toBe(true);
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'no payment methods').toEqual([]);

    await p.getByRole('button', { name: 'Add card' }).click();
    const form = p.getByRole('form', { name: 'Add a card' });
    await form.getByLabel('Name on card').fill('Ada Lovelace');
    await form.getByLabel('Card number').fill('4242 4242 4242 4241');
    await form.getByRole('button', { name: 'Save card' }).click();
    await expect.poll(() => form.getByText('Enter a valid card number.').isVisible()).toBe(true); // Luhn, before any request
    const year = String(new Date().getUTCFullYear() + 3);
    await form.getByLabel('Card number').fill('4242 4242 4242 4242');
    await form.getByLabel('Expiry month').fill('12');
    await form.getByLabel('Expiry year').fill(year);
    await form.getByLabel('Security code (CVC)').fill('123');
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'card form').toEqual([]);
    await form.getByRole('button', { name: 'Save card' }).click();

    const list = p.getByRole('list', { name: 'Saved payment methods' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    const card = list.getByRole('article', { name: 'Visa ending in 4242' });
    expect(await card.getByText('•••• 4242').isVisible()).toBe(true);
    expect(await card.getByText(`Expires 12/${year}`).isVisible()).toBe(true);
    expect(await card.getByText('Default').isVisible()).toBe(true);
    expect(await p.getByText('4242 4242 4242 4242').count()).toBe(0);
    expect(carrying.length).toBe(1);
    expect(carrying[0]).toMatch(/tokenizeTestCard/);
    expect(carrying[0]).not.toMatch(/addPaymentMethod/);

    await card.getByRole('button', { name: 'Delete Visa ending in 4242' }).click();
    const dialog = p.getByRole('dialog', { name: 'Delete this payment method?' });
    await dialog.getByRole('button', { name: 'Delete payment method' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'No saved payment methods' }).isVisible()).toBe(true);
    const left = await apiOK<{ myAccount: { paymentMethods: unknown[] } }>('{ myAccount { paymentMethods { id } } }', {}, me.accessToken);
    expect(left.myAccount.paymentMethods).toEqual([]);
    await p.context().close();
  }, 150_000);

  test('wishlist: add on the product page, see it on /account/wishlist, remove it', async () => {
    const me = await registerCustomer('wishlist');
    const p = await page();
    await signInPage(p, me, '/account/wishlist');
    await expect.poll(() => p.getByRole('heading', { name: 'Your wishlist is empty' }).isVisible()).toBe(true);
    expect(await p.getByRole('link', { name: 'Browse the catalog' }).getAttribute('href')).toBe('/products');
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'empty wishlist').toEqual([]);

    await p.getByRole('link', { name: 'Browse the catalog' }).click();
    await cards(p).first().waitFor();
    const name = (await cards(p).first().getByRole('link').innerText()).trim();
    await cards(p).first().getByRole('link').click();
    await p.getByRole('heading', { level: 1, name }).waitFor();
    const heart = p.getByRole('main').getByRole('button', { name: `Add ${name} to wishlist` });
    expect(await heart.getAttribute('aria-pressed')).toBe('false');
    await heart.click();
    const pressed = p.getByRole('main').getByRole('button', { name: `Remove ${name} from wishlist` });
    await expect.poll(() => pressed.first().getAttribute('aria-pressed')).toBe('true');
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'product page with the heart pressed').toEqual([]);

    await p.goto('/account/wishlist');
    const list = p.getByRole('list', { name: 'Wishlist' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    const item = list.getByRole('article', { name });
    expect(await item.getByRole('link', { name }).isVisible()).toBe(true);
    expect(await item.getByRole('img').count()).toBe(1);
    expect(await item.getByText(/\$\d/).count()).toBe(1);
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'wishlist').toEqual([]);

    await item.getByRole('button', { name: `Remove ${name} from wishlist` }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Your wishlist is empty' }).isVisible()).toBe(true);
    const after = await apiOK<{ myAccount: { wishlist: unknown[] } }>('{ myAccount { wishlist { addedAt } } }', {}, me.accessToken);
    expect(after.myAccount.wishlist).toEqual([]);
    await p.context().close();
  }, 150_000);

  test('signed out, the heart on a product card leads to sign-in and back', async () => {
    const p = await page();
    await p.goto('/products');
    await cards(p).first().waitFor();
    const name = (await cards(p).first().getByRole('link').innerText()).trim();
    const heart = cards(p).first().getByRole('button', { name: `Add ${name} to wishlist` });
    await expect.poll(() => heart.isEnabled()).toBe(true);
    await heart.click();
    await p.waitForURL(/\/account\/sign-in\?next=%2Fproducts/);
    await p.context().close();
  }, 150_000);
});
