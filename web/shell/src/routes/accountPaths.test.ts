import { describe, expect, it } from 'vitest';
import { accountRemote } from './accountPaths.ts';

describe('accountRemote', () => {
  it.each([
    ['/account/sign-in', 'auth'],
    ['/account/register', 'auth'],
    ['/account/forgot-password', 'auth'],
    ['/account/reset-password', 'auth'],
    ['/account/verify-email', 'auth'],
    ['/account/sign-in/extra', 'auth'],
    ['/account', 'customer'],
    ['/account/', 'customer'],
    ['/account/addresses', 'customer'],
    ['/account/wishlist', 'customer'],
    ['/account/sign-inx', 'customer'],
  ] as const)('%s → %s', (path, remote) => {
    expect(accountRemote(path)).toBe(remote);
  });
});
