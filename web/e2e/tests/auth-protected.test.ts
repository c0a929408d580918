// Seed properties 18 and 19: a protected page while signed out goes to
// sign-in and comes back after it; a reload keeps the session (restored from
// the HttpOnly cookie), and the access token is never in localStorage,
// sessionStorage or document.cookie. /admin/* needs the ADMIN role.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ADMIN, createAccount } from '../src/accounts.ts';
import { expectSignedInAs, main, signInUI } from '../src/authPages.ts';
import { axe, noBrowser, page, stack } from '../src/harness.ts';

/** Resolves with the access token of the next session mutation (signIn or refreshSession) the page receives. */
function nextAccessToken(p: Page, op: 'signIn' | 'refreshSession'): Promise<string> {
  return p
    .waitForResponse(async (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(op) && r.ok())
    .then(async (r) => ((await r.json()) as { data: Record<string, { accessToken: string }> }).data[op]!.accessToken);
}

/** Everything the page's script can read from storage. */
const readableStorage = (p: Page) =>
  p.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
  }));

describe.skipIf(noBrowser)('protected routes and the session cookie', () => {
  test('properties 19 and 18: signed out → sign-in → back; a reload keeps the session; the token stays in memory', async () => {
    const account = await createAccount(stack.origin);
    const p = await page();
    await p.goto('/account/addresses?tab=1');
    await p.waitForURL((u) => u.pathname === '/account/sign-in');
    expect(new URL(p.url()).searchParams.get('next')).toBe('/account/addresses?tab=1');

    const token = nextAccessToken(p, 'signIn');
    await signInUI(p, account.email, account.password);
    await p.waitForURL((u) => u.pathname === '/account/addresses' && u.search === '?tab=1');
    await expectSignedInAs(p, `${account.firstName} ${account.lastName}`);
    const t1 = await token;
    expect(t1.length).toBeGreaterThan(20);
    for (const v of Object.values(await readableStorage(p))) expect(v).not.toContain(t1);
    expect((await readableStorage(p)).cookie).not.toContain('nexus_session');

    const restored = nextAccessToken(p, 'refreshSession');
    await p.reload();
    const t2 = await restored;
    await expectSignedInAs(p, `${account.firstName} ${account.lastName}`);
    expect(new URL(p.url()).pathname).toBe('/account/addresses');
    for (const v of Object.values(await readableStorage(p))) {
      expect(v).not.toContain(t1);
      expect(v).not.toContain(t2);
    }
    await p.context().close();
  }, 120_000);

  test('an open redirect is refused: next=//evil.example lands on /account', async () => {
    const account = await createAccount(stack.origin);
    const p = await page();
    await p.goto('/account/sign-in?next=%2F%2Fevil.example%2Fx');
    await signInUI(p, account.email, account.password);
    await p.waitForURL((u) => u.pathname === '/account');
    expect(new URL(p.url()).origin).toBe(stack.origin);
    await p.context().close();
  });

  test('/admin/* needs ADMIN: a customer sees "not allowed", the admin does not', async () => {
    const account = await createAccount(stack.origin);
    const p = await page();
    await p.goto('/admin/users');
    await p.waitForURL((u) => u.pathname === '/account/sign-in');
    await signInUI(p, account.email, account.password);
    await p.waitForURL((u) => u.pathname === '/admin/users');
    await main(p).getByRole('heading', { level: 1, name: 'You are not allowed to see this page' }).waitFor();
    expect(await axe(p), 'not-allowed page').toEqual([]);
    await p.context().close();

    const a = await page();
    await a.goto('/account/sign-in?next=%2Fadmin%2Fusers');
    await signInUI(a, ADMIN.email, ADMIN.password);
    await a.waitForURL((u) => u.pathname === '/admin/users');
    expect(await adminName(a)).not.toBe('');
    await expect.poll(() => main(a).getByRole('heading', { name: 'You are not allowed to see this page' }).count()).toBe(0);
    await a.context().close();
  }, 120_000);
});

/** The admin's name as the header shows it (whatever the seed calls them). */
async function adminName(p: Page): Promise<string> {
  await expect.poll(async () => (await p.getByRole('banner').getByRole('button', { name: /^Account \(signed in as / }).count()) > 0).toBe(true);
  const label = (await p.getByRole('banner').getByRole('button', { name: /^Account/ }).getAttribute('aria-label')) ?? '';
  return label.replace(/^Account \(signed in as (.*)\)$/, '$1');
}
