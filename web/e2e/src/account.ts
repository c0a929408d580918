// What the account and admin browser tests add to the harness's accounts
// (src/accounts.ts: createAccount, signInAPI, ADMIN) and auth pages
// (src/authPages.ts: signInUI): a raw API call that returns the errors
// instead of throwing (to see a refusal), a fresh customer as this file's
// tests use it, and signing a page in from a protected page, the way a
// shopper does (redirect to sign-in, back after it).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createAccount, freshEmail, signInAPI, type Account, type GraphQLError } from './accounts.ts';
import { signInUI } from './authPages.ts';
import { stack } from './harness.ts';

export { ADMIN, type Account } from './accounts.ts';

/** The raw answer of an API call: data and errors, with the HTTP status. */
export interface ApiResult<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
}

/** Posts an operation to the router as the browser would (CSRF header), with a bearer token when given; never throws on errors. */
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

/** A new customer (unique email tagged `tag`, named "Test Shopper <n>"), registered through the router and signed in. */
export async function registerCustomer(tag: string): Promise<Account> {
  return createAccount(stack.origin, { email: freshEmail(tag), firstName: 'Test', lastName: `Shopper ${Math.floor(Math.random() * 1e6)}` });
}

/** An access token for the account now (a fresh sign-in through the router). */
export const tokenOf = async (who: { email: string; password: string }): Promise<string> => (await signInAPI(stack.origin, who.email, who.password)).accessToken;

/**
 * Opens the protected page `next` signed out, which redirects to /account/sign-in?next=…, signs in through the
 * auth remote's form and waits until the page is back on `next`.
 */
export async function signInPage(p: Page, who: { email: string; password: string }, next: string): Promise<void> {
  await p.goto(next);
  await p.waitForURL(/\/account\/sign-in\?next=/);
  await signInUI(p, who.email, who.password);
  await expect.poll(() => new URL(p.url()).pathname + new URL(p.url()).search).toBe(next);
}
