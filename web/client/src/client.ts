import { createBus } from './bus.ts';
import { createCache, type Entry, type Shared } from './cache.ts';
import { graphqlError, type NexusError } from './error.ts';
import { createInflight } from './inflight.ts';
import { INTERNAL } from './internal.ts';
import { targetFor, walk } from './invalidate.ts';
import { createOperation } from './operation.ts';
import { aborted } from './retry.ts';
import type { Client, ClientOptions, QueryState } from './types.ts';

const noop = () => {};

/**
 * Creates the client every microfrontend of a page shares: the query cache
 * (TTL, gc, stale-while-revalidate, focus/online refetch), in-flight
 * de-duplication, invalidation by __typename/id after mutations and bus
 * events. Sending, retries, auth and APQ are in operation.ts.
 */
export function createClient(o: ClientOptions = {}): Client {
  const now = o.now ?? Date.now;
  const bus = o.bus ?? createBus();
  const inflight = createInflight();
  const timers = { setTimer: o.setTimer ?? setTimeout, clearTimer: o.clearTimer ?? ((h: unknown) => clearTimeout(h as never)) };
  const wire = { ...timers, now, url: o.url ?? '/graphql', fetch: o.fetch ?? ((i, r) => fetch(i, r)), timeout: o.timeout ?? 15000 };
  const cache = createCache({ ...timers, now, staleTime: o.staleTime ?? 300000, gcTime: o.gcTime ?? 600000 });
  const entries = cache.map;

  const op = createOperation(o, wire, inflight);

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
      else l(cache.state(e)); // only the newcomer: the others' state did not change
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
