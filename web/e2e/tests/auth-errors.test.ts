// Seed properties 29 and 24 on the auth forms: client-side checks show every
// problem inline and in the summary and focus the first invalid field; the
// server's field errors (an email already registered) land under the field
// they name; wrong credentials get one message.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createAccount } from '../src/accounts.ts';
import { main } from '../src/authPages.ts';
import { axe, noBrowser, page, stack } from '../src/harness.ts';

/** The accessible description (inline error) of the field with this label, and whether it is marked invalid. */
const fieldState = (p: Page, label: string) =>
  main(p)
    .getByLabel(label, { exact: true })
    .evaluate((el) => ({
      invalid: el.getAttribute('aria-invalid') === 'true',
      error: (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
      focused: document.activeElement === el,
    }));

describe.skipIf(noBrowser)('auth form errors', () => {
  test('property 29: empty and malformed input is shown inline and in the summary; focus goes to the first invalid field', async () => {
    const p = await page();
    await p.goto('/account/register');
    await main(p).getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => fieldState(p, 'First name')).toMatchObject({ invalid: true, error: 'Enter your first name', focused: true });
    expect(await fieldState(p, 'Email')).toMatchObject({ invalid: true, error: 'Enter your email address' });
    const summary = main(p).getByRole('alert');
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'First name: Enter your first name',
      'Last name: Enter your last name',
      'Email: Enter your email address',
      'Password: Enter a password',
    ]);
    expect(await axe(p), 'register page with errors').toEqual([]);

    // fixing a field clears its error; a too short password is refused before anything is sent
    await main(p).getByLabel('First name').fill('Ada');
    await main(p).getByLabel('Last name').fill('Lovelace');
    await main(p).getByLabel('Email', { exact: true }).fill('ada@example');
    await main(p).getByLabel('Password', { exact: true }).fill('short');
    expect((await fieldState(p, 'First name')).invalid).toBe(false);
    await main(p).getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => fieldState(p, 'Email')).toMatchObject({ invalid: true, error: 'Enter an email address like name@example.com', focused: true });
    expect((await fieldState(p, 'Password')).error).toContain('Use at least 10 characters for your password');
    await p.context().close();
  });

  test('property 24: the server’s error on a field (email already registered) appears under that field', async () => {
    const existing = await createAccount(stack.origin);
    const p = await page();
    await p.goto('/account/register');
    await main(p).getByLabel('First name').fill('Ada');
    await main(p).getByLabel('Last name').fill('Lovelace');
    await main(p).getByLabel('Email', { exact: true }).fill(existing.email.toUpperCase());
    await main(p).getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    const submit = main(p).getByRole('button', { name: 'Create account' });
    await submit.click();
    await expect.poll(() => fieldState(p, 'Email')).toMatchObject({ invalid: true, error: 'Email is already registered', focused: true });
    expect(await submit.isDisabled()).toBe(false);
    expect(p.url()).toContain('/account/register');
    await p.context().close();
  });

  test('wrong credentials: one message, no field blamed, the button usable again', async () => {
    const account = await createAccount(stack.origin);
    const p = await page();
    await p.goto('/account/sign-in');
    await main(p).getByLabel('Email', { exact: true }).fill(account.email);
    await main(p).getByLabel('Password', { exact: true }).fill('not the password');
    await main(p).getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => main(p).getByRole('alert').textContent()).toContain('Email or password is incorrect.');
    expect((await fieldState(p, 'Email')).invalid).toBe(false);
    expect(await main(p).getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(false);
    expect(await axe(p), 'sign-in page with an error').toEqual([]);
    await p.context().close();
  });
});
