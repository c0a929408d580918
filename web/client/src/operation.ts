import { persisted } from './apq.ts';
import { opName } from './document.ts';
import { NexusError, graphqlError } from './error.ts';
import type { createInflight } from './inflight.ts';
import { retrying } from './retry.ts';
import { send, type Payload, type Result, type Wire } from './transport.ts';
import type { ClientOptions } from './types.ts';

/**
 * Builds `op(query, variables, isMutation, idempotencyKey?, signal?)`: one
 * operation from start to settle. Each attempt carries the bearer token and
 * headers (APQ when `persisted`); retryable failures are retried (mutations
 * only with a key); UNAUTHENTICATED / 401 calls `refresh` once (shared by
 * concurrent callers) and, if it says true, runs the operation once more;
 * the operation counts in `inflight` and a final failure other than
 * 'aborted' goes to onError. GraphQL errors: a mutation always rejects (a
 * form must see BAD_USER_INPUT); a query rejects unless some top-level
 * field came back non-null — then it resolves with the partial data and
 * the errors (the router answers unplannable fields that way).
 */
export function createOperation(o: ClientOptions, wire: Wire, inflight: ReturnType<typeof createInflight>) {
  const random = o.random ?? Math.random;
  const retries = o.retries ?? 3;
  let refreshing: Promise<boolean> | undefined;

  const attempt = async (q: string, v: unknown, m: boolean, key?: string, signal?: AbortSignal): Promise<Result> => {
    const h: Record<string, string> = { ...o.headers };
    const token = await o.token?.();
    if (token) h.Authorization = 'Bearer ' + token;
    if (key) h['Idempotency-Key'] = key;
    const go = (p: Payload, get: boolean) => send(wire, p, get, h, signal);
    const p = { query: q, variables: v, operationName: opName(q) };
    const r = await (o.persisted ? persisted(go, p, m) : go(p, false));
    if (r.errors.length && (m || !r.data || !Object.values(r.data).some((x) => x != null))) throw graphqlError(r.errors);
    return r;
  };

  /** One operation: retries, one refresh on UNAUTHENTICATED, counted in inflight, reported to onError. */
  const op = (q: string, v: unknown, m: boolean, key?: string, signal?: AbortSignal) =>
    inflight.track(async () => {
      const exec = () => retrying(() => attempt(q, v, m, key, signal), { ...wire, retries, random, allowed: !m || !!key, signal });
      try {
        try {
          return await exec();
        } catch (e) {
          if (!(o.refresh && e instanceof NexusError && (e.code == 'UNAUTHENTICATED' || e.status == 401))) throw e;
          refreshing ??= o.refresh().catch(() => false).finally(() => (refreshing = undefined));
          if (!(await refreshing)) throw e;
          return await exec();
        }
      } catch (x) {
        const e = x instanceof NexusError ? x : new NexusError('network', String(x));
        if (e.kind != 'aborted') o.onError?.(e, { kind: m ? 'mutation' : 'query', name: opName(q) });
        throw e;
      }
    });
  return op;
}
