// Accounts through the API, as the storefront makes them: register and sign
// in through the router (with the CSRF header the web client sends), and the
// seeded development accounts. Plain fetch, no vitest, so the global setup
// can use it too.
import { randomBytes } from 'node:crypto';

/** The development admin `bin/auth seed` creates (contract13). */
export const ADMIN = { email: 'admin@nexus.local', password: 'Admin-password-1' } as const;
/** The development shopper `bin/auth seed` creates. */
export const SHOPPER = { email: 'shopper@nexus.local', password: 'Shopper-password-1' } as const;

/** An account a test created, with the access token of its first session. */
export interface Account {
  id: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  accessToken: string;
}

/** A GraphQL error as the router returns it. */
export interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string };
}

/** One POST through the router like the web client's (X-Nexus-CSRF); returns data or throws with the errors. */
export async function gql<T>(origin: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Nexus-CSRF': '1', Origin: origin };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${origin}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: GraphQLError[] };
  if (body.errors?.length || !body.data) throw Object.assign(new Error(`GraphQL ${res.status}: ${JSON.stringify(body.errors)}`), { errors: body.errors ?? [] });
  return body.data;
}

const SESSION = 'accessToken expiresAt user { id email firstName lastName role emailVerified }';
type Grant = { accessToken: string; user: { id: string; email: string; emailVerified: boolean } };

/** Signs in through the router; the session's access token and user. */
export async function signInAPI(origin: string, email: string, password: string): Promise<Grant> {
  const d = await gql<{ signIn: Grant }>(origin, `mutation($i: SignInInput!) { signIn(input: $i) { ${SESSION} } }`, { i: { email, password } });
  return d.signIn;
}

/** A fresh address no other test (or run) uses. */
export const freshEmail = (tag = 'e2e'): string => `${tag}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@nexus.test`;

/** Registers a new CUSTOMER account through the router (its verification mail goes to Mailpit). */
export async function createAccount(origin: string, o: { email?: string; password?: string; firstName?: string; lastName?: string } = {}): Promise<Account> {
  const a = { email: o.email ?? freshEmail(), password: o.password ?? `Pass-${randomBytes(6).toString('hex')}`, firstName: o.firstName ?? 'Ada', lastName: o.lastName ?? 'Lovelace' };
  const d = await gql<{ register: Grant }>(origin, `mutation($i: RegisterInput!) { register(input: $i) { ${SESSION} } }`, { i: a });
  return { ...a, id: d.register.user.id, accessToken: d.register.accessToken };
}
