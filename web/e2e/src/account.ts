// Accounts for the browser tests: fresh customers registered through the
// API (the real auth subgraph behind the router), API calls as a signed-in
// user, and signing a page in through the auth remote's form the way a
// shopper does. Seeded by `bin/auth seed` (the harness runs it):
// ADMIN = admin@nexus.local / Admin-password-1.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { stack, type GraphQLError } from './harness.ts';

/** The seeded administrator (README: development accounts). */
export const ADMIN = { email: 'admin@nexus.local', password: 'Admin-password-1' } as const;

/** A registered account and what the test needs to act as it. */
export interface Account {
  id: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** The access token register or signIn returned (15 minutes). */
  token: string;
}

/** The raw answer of an API call: data and errors, with the HTTP status. */
export interface ApiResult<T> {
  status: number;
  data?: T | null;
  errors?: (GraphQLError & { extensions?: { code?: string; field?: string } })[];
}

/** Posts an operation to the router as the browser would (CSRF header), with a bearer token when given. */
export async function api<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<ApiResult<T>> {
  const res = await fetch(`${stack.origin}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nexus-CSRF': '1', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as Omit<ApiResult<T>, 'status'>;
  return { status: res.status, ...body };
}

/** Like api() but throws on any error, returning the data. */
export async function apiOK<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const r = await api<T>(query, variables, token);
  if (r.errors?.length || !r.data) throw new Error(`GraphQL ${r.status}: ${JSON.stringify(r.errors)}`);
  return r.data;
}

const SESSION = 'accessToken user { id email firstName lastName role }';
type Grant = { accessToken: string; user: { id: string; email: string; firstName: string; lastName: string } };

/** Registers a new customer with a unique email (`<tag>-<random>@example.test`) and returns it signed in. */
export async function registerCustomer(tag: string): Promise<Account> {
  const suffix = randomBytes(4).toString('hex');
  const input = { email: `${tag}-${suffix}@example.test`, password: `Shopper-${suffix}-pass-1`, firstName: 'Test', lastName: `Shopper ${suffix}` };
  const { register } = await apiOK<{ register: Grant }>(`mutation ($input: RegisterInput!) { register(input: $input) { ${SESSION} } }`, { input });
  return { id: register.user.id, email: input.email, password: input.password, firstName: input.firstName, lastName: input.lastName, token: register.accessToken };
}

/** Signs in through the API and returns the access token (throws when refused). */
export async function signInAPI(email: string, password: string): Promise<string> {
  const { signIn } = await apiOK<{ signIn: Grant }>(`mutation ($input: SignInInput!) { signIn(input: $input) { ${SESSION} } }`, { input: { email, password } });
  return signIn.accessToken;
}

/**
 * Signs the page in through the auth remote's sign-in form, starting from `next` (a protected page redirects to
 * /account/sign-in?next=… and comes back there after sign-in), and waits until it is back on `next`.
 */
export async function signInPage(p: Page, who: { email: string; password: string }, next: string): Promise<void> {
  await p.goto(next);
  await p.waitForURL(/\/account\/sign-in\?next=/);
  await p.getByLabel('Email', { exact: true }).fill(who.email);
  await p.getByLabel('Password', { exact: true }).fill(who.password);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect.poll(() => new URL(p.url()).pathname + new URL(p.url()).search).toBe(next);
}
