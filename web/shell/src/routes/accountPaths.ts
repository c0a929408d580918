/** The /account pages the auth remote serves; every other /account path belongs to the customer remote. */
export const AUTH_PAGES: ReadonlySet<string> = new Set(['sign-in', 'register', 'forgot-password', 'reset-password', 'verify-email']);

/** Which remote serves an /account path: 'auth' for the sign-in and password pages, 'customer' for the rest. */
export function accountRemote(pathname: string): 'auth' | 'customer' {
  const first = /^\/account\/([^/?#]+)/.exec(pathname)?.[1];
  return first !== undefined && AUTH_PAGES.has(first) ? 'auth' : 'customer';
}
