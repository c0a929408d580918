// Registration end to end: the form (axe), the verification mail in Mailpit,
// its link verifies the address (the account banner goes), sign out, sign in
// again with the same password.
import { describe, expect, test } from 'vitest';
import { freshEmail } from '../src/accounts.ts';
import { expectSignedInAs, main, signInUI, signOutUI } from '../src/authPages.ts';
import { axe, noBrowser, page } from '../src/harness.ts';
import { linkIn, waitForMail } from '../src/mailpit.ts';

describe.skipIf(noBrowser)('registration', () => {
  test('register → verification mail → open its link → verified → sign out → sign in', async () => {
    const p = await page();
    const email = freshEmail('register');
    const password = 'correct horse battery';
    await p.goto('/account/register');
    await main(p).getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'register page').toEqual([]);

    await main(p).getByLabel('First name').fill('Grace');
    await main(p).getByLabel('Last name').fill('Hopper');
    await main(p).getByLabel('Email', { exact: true }).fill(email);
    await main(p).getByLabel('Password', { exact: true }).fill(password);
    await main(p).getByRole('button', { name: 'Create account' }).click();

    await p.waitForURL((u) => u.pathname === '/account');
    await expectSignedInAs(p, 'Grace Hopper');
    const banner = p.getByRole('region', { name: 'Email verification' });
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await axe(p), 'account page with the verification banner').toEqual([]);

    const mail = await waitForMail(email, 'Verify your email address');
    const link = linkIn(mail, '/account/verify-email');
    expect(new URL(link).origin).toBe(new URL(p.url()).origin);
    await p.goto(link);
    await main(p).getByRole('heading', { level: 1, name: 'Your email address is verified' }).waitFor();
    expect(await axe(p), 'verified page').toEqual([]);
    await p.goto('/account');
    await expectSignedInAs(p, 'Grace Hopper');
    await expect.poll(() => p.getByRole('region', { name: 'Email verification' }).count()).toBe(0);

    // the link is single use
    await p.goto(link);
    await main(p).getByRole('heading', { level: 1, name: 'Verification link not valid' }).waitFor();

    await signOutUI(p);
    await expectSignedInAs(p, null);
    await p.goto('/account/sign-in');
    expect(await axe(p), 'sign-in page').toEqual([]);
    await signInUI(p, email.toUpperCase(), password);
    await p.waitForURL((u) => u.pathname === '/account');
    await expectSignedInAs(p, 'Grace Hopper');
    await p.context().close();
  }, 120_000);
});
