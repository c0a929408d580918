import { NexusError, type GraphQLErrorItem } from '@nexus/client';
import type { SessionGrant } from '@nexus/client/session';

/** The user fields every session mutation selects (SessionUser). */
const USER = 'user { __typename id email firstName lastName role emailVerified }';
/** A new access token from the session cookie (the cookie is rotated). */
export const REFRESH = `mutation RefreshSession { refreshSession { accessToken expiresAt ${USER} } }`;
/** Ends this device's session (the cookie's) or, with a token and everywhere, all of the user's. */
export const SIGN_OUT = 'mutation SignOut($everywhere: Boolean!) { signOut(everywhere: $everywhere) }';

/** What the session's own calls need: the endpoint and the transport. */
export interface SessionWire {
  url: string;
  fetch: typeof fetch;
}

/**
 * One POST to the router for the session's own mutations, outside the shared client on purpose: the client calls
 * the session's refresh on UNAUTHENTICATED, so a refresh sent through it could wait on itself. Carries the CSRF
 * header and same-origin credentials (the session cookie), and the bearer token when given. Throws NexusError.
 */
export async function post<T>(w: SessionWire, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'x-nexus-csrf': '1' };
  if (token) headers.authorization = 'Bearer ' + token;
  let res: Response;
  try {
    res = await w.fetch(w.url, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new NexusError('network', 'Network error: ' + String((e as Error)?.message ?? e));
  }
  let body: { data?: T | null; errors?: GraphQLErrorItem[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: handled below
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (errors.length || !body.data) throw new NexusError(res.ok ? 'graphql' : 'http', errors[0]?.message ?? `HTTP ${res.status}`, errors, res.status);
  return body.data;
}

/** Calls refreshSession; the grant, or a NexusError (UNAUTHENTICATED when there is no valid session cookie). */
export const refreshSession = (w: SessionWire): Promise<SessionGrant> => post<{ refreshSession: SessionGrant }>(w, REFRESH).then((d) => d.refreshSession);
