// The auth pages the way a shopper (or a screen reader) uses them: fields
// by label, buttons by name, the account menu by its accessible name.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The page's main region (the header has its own "Sign in" link in the account menu). */
export const main = (p: Page) => p.getByRole('main');

/** Fills the sign-in form and submits it. */
export async function signInUI(p: Page, email: string, password: string): Promise<void> {
  await main(p).getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await main(p).getByLabel('Email', { exact: true }).fill(email);
  await main(p).getByLabel('Password', { exact: true }).fill(password);
  await main(p).getByRole('button', { name: 'Sign in' }).click();
}

/** The header's account button: "Account" signed out, "Account (signed in as <name>)" signed in. */
export const accountButton = (p: Page) => p.getByRole('banner').getByRole('button', { name: /^Account/ });

/** Waits until the header says who is signed in (or that nobody is, with null). */
export async function expectSignedInAs(p: Page, name: string | null): Promise<void> {
  await expect.poll(() => accountButton(p).getAttribute('aria-label')).toBe(name ? `Account (signed in as ${name})` : 'Account');
}

/** Signs out through the account menu. */
export async function signOutUI(p: Page): Promise<void> {
  await accountButton(p).click();
  await p.getByRole('menuitem', { name: 'Sign out' }).click();
}
