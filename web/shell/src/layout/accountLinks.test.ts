import { describe, expect, it } from 'vitest';
import { accountEntries } from './accountLinks.ts';

const user = { id: 'u', email: 'a@b.c', firstName: 'Ada', lastName: 'L', role: 'CUSTOMER' as const, emailVerified: true };

describe('accountEntries', () => {
  it('signed out: sign in (back to this page) and create account', () => {
    expect(accountEntries(null, '/products?q=a')).toEqual([
      { label: 'Sign in', to: '/account/sign-in?next=%2Fproducts%3Fq%3Da' },
      { label: 'Create account', to: '/account/register' },
    ]);
  });

  it('signed in: the account pages and sign out; the admin pages only for admins', () => {
    expect(accountEntries(user, '/').map((e) => e.label)).toEqual(['My account', 'Addresses', 'Payment methods', 'Wishlist', 'Sign out']);
    expect(accountEntries({ ...user, role: 'ADMIN' }, '/').map((e) => e.label)).toEqual(['My account', 'Addresses', 'Payment methods', 'Wishlist', 'Users', 'Products', 'Reviews', 'Sign out']);
  });
});
