// Seed property 3 across tabs: signing in in one tab signs in the other (it
// refreshes from the shared cookie), signing out in one signs out the other;
// a protected page in the other tab follows (back to sign-in).
import { describe, test } from 'vitest';
import { createAccount } from '../src/accounts.ts';
import { expectSignedInAs, signInUI, signOutUI } from '../src/authPages.ts';
import { noBrowser, page, stack } from '../src/harness.ts';

describe.skipIf(noBrowser)('session across tabs', () => {
  test('property 3: sign in in one tab → the other is signed in; sign out in one → the other is signed out', async () => {
    const account = await createAccount(stack.origin);
    const name = `${account.firstName} ${account.lastName}`;
    const a = await page();
    const b = await a.context().newPage();
    await a.goto('/account/sign-in?next=%2Fproducts');
    await b.goto('/account/wishlist');
    await b.waitForURL((u) => u.pathname === '/account/sign-in');
    await expectSignedInAs(b, null);

    await signInUI(a, account.email, account.password);
    await a.waitForURL((u) => u.pathname === '/products');
    await expectSignedInAs(a, name);
    // b was on sign-in for /account/wishlist: it signs in from the cookie and goes on there
    await expectSignedInAs(b, name);
    await b.waitForURL((u) => u.pathname === '/account/wishlist');

    await signOutUI(b);
    await expectSignedInAs(b, null);
    await expectSignedInAs(a, null);

    // and the other way round, from the tab that is not on a protected page
    await a.goto('/account/sign-in?next=%2Fproducts');
    await signInUI(a, account.email, account.password);
    await expectSignedInAs(b, name);
    await b.goto('/account/wishlist');
    await signOutUI(a);
    await b.waitForURL((u) => u.pathname === '/account/sign-in');
    await expectSignedInAs(b, null);
    await a.context().close();
  }, 120_000);
});
