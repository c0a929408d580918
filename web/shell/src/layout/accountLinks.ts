import { signInPath, type SessionUser } from '@nexus/client/session';

/** One entry of the account menu: a link, or the sign-out action. */
export type AccountEntry = { label: string; to: string } | { label: 'Sign out'; signOut: true };

/**
 * What the account menus (header and mobile) offer: signed out, "Sign in" (coming back to `here`) and "Create
 * account"; signed in, the account pages, the admin pages ("Users", "Products", "Reviews") for admins, and "Sign out".
 */
export function accountEntries(user: SessionUser | null, here: string): AccountEntry[] {
  if (!user)
    return [
      { label: 'Sign in', to: signInPath(here) },
      { label: 'Create account', to: '/account/register' },
    ];
  return [
    { label: 'My account', to: '/account' },
    { label: 'Addresses', to: '/account/addresses' },
    { label: 'Payment methods', to: '/account/payment-methods' },
    { label: 'Wishlist', to: '/account/wishlist' },
    ...(user.role === 'ADMIN'
      ? [
          { label: 'Users', to: '/admin/users' },
          { label: 'Products', to: '/admin/products' },
          { label: 'Reviews', to: '/admin/reviews' },
        ]
      : []),
    { label: 'Sign out', signOut: true },
  ];
}
