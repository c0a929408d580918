import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldErrors } from './fields.ts';
import { DEFAULT_NEXT, memorySession, provideSession, safeNext, session, signInPath } from './session.ts';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`session properties: fast-check seed ${seed} (FC_SEED=${seed} replays)`);

describe('safeNext', () => {
  it.each(['/account', '/products?q=a b', '/account/addresses#new', '/admin/users/1?x=%2F%2Fevil'])('keeps a same-origin path: %s', (p) => {
    expect(new URL(safeNext(p), 'https://nexus.invalid').href).toBe(new URL(p, 'https://nexus.invalid').href);
  });

  it.each([
    null,
    undefined,
    '',
    'account',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /account',
    '/acc\nount',
    '/account/sign-in?next=/x',
    '/account/register',
    '/' + 'a'.repeat(3000),
  ])('refuses %j', (p) => {
    expect(safeNext(p)).toBe(DEFAULT_NEXT);
  });

  it('property: whatever the input, the result is a path on this origin (never an open redirect)', () => {
    const arb = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.webUrl(),
      fc.webPath().map((p) => '/' + p),
      fc.tuple(fc.constantFrom('/', '//', '/\\', '\\', '/%2F', '/./', '/../'), fc.string({ unit: 'binary' })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(arb, (input) => {
        const out = safeNext(input);
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(out).not.toMatch(/[\\\u0000-\u001f]/);
        // resolved against any page, it stays on that page's origin
        expect(new URL(out, 'https://shop.example/products').origin).toBe('https://shop.example');
      }),
      { seed, numRuns: 500 },
    );
  });

  it('signInPath round-trips through the query string', () => {
    const path = signInPath('/account/addresses?x=1&y=2');
    const next = new URL(path, 'https://s.example').searchParams.get('next');
    expect(safeNext(next)).toBe('/account/addresses?x=1&y=2');
  });
});

describe('fieldErrors', () => {
  it('maps extensions.field without the input. prefix; the first message of a field wins', () => {
    const errors = [
      { message: 'input.email: is already registered', extensions: { code: 'CONFLICT', field: 'input.email' } },
      { message: 'too short', extensions: { code: 'INVALID', field: 'input.password' } },
      { message: 'second', extensions: { code: 'INVALID', field: 'input.password' } },
      { message: 'no field', extensions: { code: 'INTERNAL' } },
      { message: 'token', extensions: { code: 'INVALID', field: 'token' } },
    ];
    expect(fieldErrors({ errors })).toEqual({ email: 'is already registered', password: 'too short', token: 'token' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});

describe('session facade', () => {
  afterEach(() => provideSession(memorySession()));

  it('delegates to the installed session; without one it is a signed-out memory session', async () => {
    expect(session.get()).toEqual({ status: 'signed-out', user: null });
    const seen: string[] = [];
    const m = memorySession();
    provideSession(m);
    const off = session.subscribe((s) => seen.push(s.status));
    const user = { id: 'u', email: 'a@b.c', firstName: 'A', lastName: 'B', role: 'CUSTOMER' as const, emailVerified: false };
    session.signedIn({ accessToken: 't', expiresAt: '2030-01-01T00:00:00Z', user });
    expect(m.get()).toEqual({ status: 'signed-in', user });
    session.updateUser({ emailVerified: true });
    expect(session.get().user?.emailVerified).toBe(true);
    await session.signOut();
    off();
    expect(seen).toEqual(['signed-in', 'signed-in', 'signed-out']);
  });
});
