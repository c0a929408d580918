// Forgot password end to end: the same confirmation for known and unknown
// addresses, the reset mail, the new password works, the old one and the used
// link do not.
import { describe, expect, test } from 'vitest';
import { createAccount, freshEmail, gql } from '../src/accounts.ts';
import { expectSignedInAs, main, signInUI } from '../src/authPages.ts';
import { axe, noBrowser, page, stack } from '../src/harness.ts';
import { linkIn, mailsTo, waitForMail } from '../src/mailpit.ts';

const SENT = 'If an account exists for that email address, we have sent it a link to reset the password. The link is valid for one hour.';

describe.skipIf(noBrowser)('password reset', () => {
  test('forgot password → mail → reset → sign in with the new password (the old one is refused)', async () => {
    const account = await createAccount(stack.origin);
    const p = await page();
    await p.goto('/account/forgot-password');
    await main(p).getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    expect(await axe(p), 'forgot-password page').toEqual([]);
    await main(p).getByLabel('Email').fill(account.email);
    await main(p).getByRole('button', { name: 'Send reset link' }).click();
    await expect.poll(() => main(p).getByRole('status').textContent()).toBe(SENT);

    const mail = await waitForMail(account.email, 'Reset your Nexus password');
    const link = linkIn(mail, '/account/reset-password');
    await p.goto(link);
    await main(p).getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await axe(p), 'reset-password page').toEqual([]);
    const fresh = 'a brand new passphrase';
    await main(p).getByLabel('New password', { exact: true }).fill(fresh);
    await main(p).getByLabel('Confirm new password').fill(fresh);
    await main(p).getByRole('button', { name: 'Reset password' }).click();
    await main(p).getByRole('heading', { level: 1, name: 'Your password has been reset' }).waitFor();

    await p.goto('/account/sign-in');
    await signInUI(p, account.email, account.password);
    await expect.poll(() => main(p).getByRole('alert').textContent()).toContain('Email or password is incorrect.');
    await main(p).getByLabel('Password', { exact: true }).fill(fresh);
    await main(p).getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL((u) => u.pathname === '/account');
    await expectSignedInAs(p, `${account.firstName} ${account.lastName}`);

    // the link works once
    await p.goto(link);
    await main(p).getByLabel('New password', { exact: true }).fill('yet another passphrase');
    await main(p).getByLabel('Confirm new password').fill('yet another passphrase');
    await main(p).getByRole('button', { name: 'Reset password' }).click();
    await main(p).getByRole('heading', { level: 1, name: 'Reset link not valid' }).waitFor();
    await expect.poll(() => main(p).getByRole('link', { name: 'Request a new reset link' }).isVisible()).toBe(true);
    expect(await axe(p), 'invalid reset link page').toEqual([]);
    await p.context().close();
  }, 120_000);

  test('an address without an account gets the same confirmation, and no mail', async () => {
    const p = await page();
    const nobody = freshEmail('nobody');
    await p.goto('/account/forgot-password');
    await main(p).getByLabel('Email').fill(nobody);
    await main(p).getByRole('button', { name: 'Send reset link' }).click();
    await expect.poll(() => main(p).getByRole('status').textContent()).toBe(SENT);
    // a request for a real account after it: once its mail is there, a mail to nobody would have been too
    const known = await createAccount(stack.origin);
    await gql(stack.origin, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: known.email });
    await waitForMail(known.email, 'Reset your Nexus password');
    expect(await mailsTo(nobody)).toEqual([]);
    await p.context().close();
  });
});
