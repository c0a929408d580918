import type { ErrorLike } from './errorMessage.ts';

/** Codes a form shows itself, inline or above its fields, when a mutation fails with them. */
const FORM_CODES = new Set(['INVALID', 'BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);

/**
 * Failures the shell does not toast, because a page already says it better: a mutation's validation, conflict,
 * credential or throttling errors (the form maps them to its fields, seed properties 24 and 29), and a query's
 * UNAUTHENTICATED (the session refreshes or the protected route sends the shopper to sign in).
 */
export function isQuietError(e: ErrorLike, op: { kind: 'query' | 'mutation' }): boolean {
  if (e.kind !== 'graphql' && !(e.kind === 'http' && (e.status === 401 || e.status === 429))) return false;
  if (op.kind === 'query') return e.code === 'UNAUTHENTICATED' || e.status === 401;
  return FORM_CODES.has(e.code ?? '') || e.status === 401 || e.status === 429;
}
