import { persisted } from './apq.ts';
import { createBus } from './bus.ts';
import { createCache, type Entry, type Shared } from './cache.ts';
import { opName } from './document.ts';
import { NexusError, graphqlError } from './error.ts';
import { createInflight } from './inflight.ts';
import { INTERNAL } from './internal.ts';
import { targetFor, walk } from './invalidate.ts';
import { aborted, retrying } from './retry.ts';
import { send, type Payload, type Result } from './transport.ts';
import type { Client, ClientOptions, QueryState } from './types.ts';

const noop = () => {};

/**
 * Creates the client every microfrontend of a page shares. Responses with
 * GraphQL errors: a mutation always rejects (a form must see
 * BAD_USER_INPUT); a query rejects unless some top-level field came back
 * non-null — then it resolves with the partial data and watchers see both
 * `data` and `error` (the router answers unplannable fields that way).
 */
export function createClient(o: ClientOptions = {}): Client {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const retries = o.retries ?? 3;
  const bus = o.bus ?? createBus();
  const inflight = createInflight();
  const timers = { setTimer: o.setTimer ?? setTimeout, clearTimer: o.clearTimer ?? ((h: unknown) => clearTimeout(h as never)) };
  const wire = { ...timers, now, url: o.url ?? '/graphql', fetch: o.fetch ?? ((i, r) => fetch(i, r)), timeout: o.timeout ?? 15000 };
  const cache = createCache({ ...timers, now, staleTime: o.staleTime ?? 300000, gcTime: o.gcTime ?? 600000 });
  const entries = cache.map;
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
      const exec = () => retrying(() => attempt(q, v, m, key, signal), { ...timers, retries, random, allowed: !m || !!key, signal });
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

  const start = (e: Entry): Shared => {
    const ctl = new AbortController();
    const s: Shared = (e.p = { n: 0, ctl, pr: null! });
    s.pr = op(e.q, e.v, false, undefined, ctl.signal)
      .then(
        (r) => {
          e.data = r.data;
          e.error = r.errors.length ? graphqlError(r.errors) : undefined;
          e.at = now();
          e.refs = walk(r.data).keys;
          return r.data;
        },
        (err: NexusError) => {
          if (err.kind != 'aborted') e.error = err;
          throw err;
        },
      )
      .finally(() => {
        e.p = undefined;
        cache.gc(e);
        cache.notify(e);
        if (e.again && e.ls.size) start(e);
        e.again = false;
      });
    s.pr.catch(noop);
    cache.notify(e);
    return s;
  };

  /** Joins (or starts) the entry's fetch; the caller's signal detaches only this caller. */
  const join = (e: Entry, signal?: AbortSignal): Promise<unknown> => {
    if (signal?.aborted) return Promise.reject(aborted());
    const s = e.p ?? start(e);
    s.n++;
    if (!signal) return s.pr;
    return new Promise((res, rej) => {
      const off = () => {
        rej(aborted());
        if (!--s.n) s.ctl.abort();
      };
      signal.addEventListener('abort', off, { once: true });
      s.pr.then(res, rej).finally(() => signal.removeEventListener('abort', off));
    });
  };

  /** Invalidates one entry: a watched one refetches, an unwatched one is dropped. */
  const drop = (e: Entry) => {
    e.at = -Infinity;
    if (!e.ls.size) entries.delete(e.key);
    else if (e.p) e.again = true;
    else join(e).catch(noop);
  };
  const has = (k: string) => [...entries.values()].some((e) => e.refs.has(k));
  const inval = (keys: string[]) => {
    for (const e of [...entries.values()]) if (keys.some((k) => e.refs.has(k))) drop(e);
  };
  const refetchStale = () => {
    for (const e of entries.values()) if (e.ls.size && !e.p && !cache.fresh(e)) join(e).catch(noop);
  };

  const w = typeof window != 'undefined' ? window : undefined;
  const onVis = () => document.visibilityState != 'hidden' && refetchStale();
  const ons: [EventTarget, string, () => void][] = [];
  if (w && o.refetchOnFocus !== false) ons.push([w, 'focus', refetchStale], [document, 'visibilitychange', onVis]);
  if (w && o.refetchOnReconnect !== false) ons.push([w, 'online', refetchStale]);
  for (const [t, n, f] of ons) t.addEventListener(n, f);

  const client: Client = {
    bus,
    inflight,
    query(doc, v, qo = {}) {
      const e = cache.get(String(doc), v);
      if (qo.staleTime != null) e.st = qo.staleTime;
      return (!qo.force && cache.fresh(e, qo.staleTime) ? Promise.resolve(e.data) : join(e, qo.signal)) as Promise<never>;
    },
    async mutate(doc, v, mo = {}) {
      const q = String(doc);
      const r = await op(q, v, true, mo.idempotencyKey, mo.signal);
      const ts = walk(r.data).ents.map((x) => targetFor(x.t, x.id, has));
      inval(ts);
      return r.data as never;
    },
    watch(doc, v, listener, qo = {}) {
      const e = cache.get(String(doc), v);
      if (qo.staleTime != null) e.st = qo.staleTime;
      const l = (s: QueryState<unknown>) => listener(s as never);
      e.ls.add(l);
      cache.gc(e);
      if (!e.p && (qo.force || !cache.fresh(e))) join(e).catch(noop);
      else cache.notify(e);
      const un = () => {
        e.ls.delete(l);
        cache.gc(e);
      };
      qo.signal?.addEventListener('abort', un);
      return un;
    },
    invalidate: (t, id) => inval([targetFor(t, id, has)]),
    invalidateAll: () => [...entries.values()].forEach(drop),
    dispose() {
      for (const [t, n, f] of ons) t.removeEventListener(n, f);
      offs.forEach((f) => f());
      for (const e of entries.values()) {
        timers.clearTimer(e.gc);
        e.p?.ctl.abort();
      }
      entries.clear();
    },
  };
  const offs = [
    bus.on('product:created', () => client.invalidate('Product')),
    bus.on('product:updated', (d) => client.invalidate('Product', d?.productId)),
    bus.on('product:deleted', (d) => client.invalidate('Product', d?.productId)),
  ];
  Object.defineProperty(client, INTERNAL, {
    value: {
      token: o.token,
      peek: (q: string, v: unknown) => {
        const e = entries.get(cache.key(q, v));
        return e && cache.state(e);
      },
    },
  });
  return client;
}
