// The account and admin pages in dark mode: no serious or critical axe
// violations (contrast included) on each page, with its form open.
import { describe, expect, test } from 'vitest';
import { ADMIN, registerCustomer, signInPage } from '../src/account.ts';
import { axe, noBrowser, page } from '../src/harness.ts';

describe.skipIf(noBrowser)('account and admin pages in dark mode', () => {
  test('profile, addresses (form open), payment methods (form open), wishlist: axe-clean in dark mode', async () => {
    const me = await registerCustomer('dark');
    const p = await page({ colorScheme: 'dark' });
    await signInPage(p, me, '/account');
    expect(await p.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    const nav = p.getByRole('navigation', { name: 'Account' });
    const pages: [string, string, string | null][] = [
      ['Profile', 'Profile', null],
      ['Addresses', 'Addresses', 'Add address'],
      ['Payment methods', 'Payment methods', 'Add card'],
      ['Wishlist', 'Wishlist', null],
    ];
    for (const [link, heading, open] of pages) {
      await nav.getByRole('link', { name: link }).click();
      await expect.poll(() => p.getByRole('heading', { level: 1, name: heading }).isVisible()).toBe(true);
      if (open) await p.getByRole('button', { name: open }).first().click();
      await p.waitForLoadState('networkidle');
      expect(await axe(p), `${heading} (dark)`).toEqual([]);
    }
    await p.context().close();
  }, 150_000);

  test('the user list and a user page: axe-clean in dark mode', async () => {
    const p = await page({ colorScheme: 'dark' });
    await signInPage(p, ADMIN, '/admin/users');
    await expect.poll(() => p.getByRole('table', { name: 'Users' }).getByRole('row').count()).toBeGreaterThan(1);
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'user list (dark)').toEqual([]);
    await p.getByRole('table', { name: 'Users' }).getByRole('link').first().click();
    await p.getByRole('heading', { name: 'Customer data' }).waitFor();
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'user page (dark)').toEqual([]);
    await p.context().close();
  }, 150_000);
});
