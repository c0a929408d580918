import { describe, expect, it, vi } from 'vitest';
import { sha256 } from './apq.ts';
import { createBus } from './bus.ts';
import { createClient } from './client.ts';
import { NexusError } from './error.ts';
import { flush, json, queryOf, setup } from './test/fakes.ts';
import type { QueryState } from './types.ts';

const Q = 'query P($id: ID!) { product(id: $id) { __typename id name } }';
const product = (id: string, name = 'n' + id) => ({ data: { product: { __typename: 'Product', id, name } } });

describe('client', () => {
  it('dedups identical in-flight queries into one request', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, seen } = setup(async () => (await gate, json(product('1'))));
    const a = client.query(Q, { id: '1' });
    const b = client.query(Q, { id: '1' });
    const c = client.query(Q, { id: '2' });
    release();
    await expect(Promise.all([a, b])).resolves.toEqual([product('1').data, product('1').data]);
    await c;
    expect(seen.length).toBe(2);
  });

  it('calls the default timers and fetch as plain functions (browsers throw "Illegal invocation" on a method call)', async () => {
    const real = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    const strict = <F extends (...a: never[]) => unknown>(f: F) =>
      function (this: unknown, ...a: Parameters<F>) {
        if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
        return f(...a);
      };
    vi.stubGlobal('setTimeout', strict(real as never));
    vi.stubGlobal('clearTimeout', strict(realClear as never));
    try {
      const t = { seen: 0 };
      const client = createClient({
        fetch: async () => (t.seen++, json(product('1'))),
        bus: createBus({ channel: null }),
        timeout: 1000,
      });
      await expect(client.query(Q, { id: '1' })).resolves.toEqual(product('1').data);
      expect(t.seen).toBe(1);
      client.dispose();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keys the cache by variables value, not key order', async () => {
    const { client, seen } = setup(() => json({ data: { x: 1 } }));
    await client.query('query { x }', { a: 1, b: { c: 2, d: 3 } });
    await client.query('query { x }', { b: { d: 3, c: 2 }, a: 1 });
    expect(seen.length).toBe(1);
  });

  it("an aborted caller detaches alone; the fetch aborts when no caller is left", async () => {
    let n = 0;
    const { client, seen } = setup(
      (r) =>
        new Promise((_, rej) => {
          n++;
          r.signal?.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError')));
        }),
    );
    const c1 = new AbortController();
    const c2 = new AbortController();
    const a = client.query(Q, { id: '1' }, { signal: c1.signal });
    const b = client.query(Q, { id: '1' }, { signal: c2.signal });
    await flush();
    c1.abort();
    await expect(a).rejects.toMatchObject({ kind: 'aborted' });
    expect(seen[0]!.signal!.aborted).toBe(false);
    c2.abort();
    await expect(b).rejects.toMatchObject({ kind: 'aborted' });
    await flush();
    expect(seen[0]!.signal!.aborted).toBe(true);
    expect(n).toBe(1);
  });

  it('an aborted operation is never retried nor reported', async () => {
    const onError = vi.fn();
    const { client, seen, clock } = setup(() => json({}, 503), { onError });
    const c = new AbortController();
    const p = client.query(Q, { id: '1' }, { signal: c.signal });
    await flush();
    c.abort();
    await expect(p).rejects.toMatchObject({ kind: 'aborted' });
    await clock.advance(60000);
    expect(seen.length).toBe(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('times out an attempt and retries it', async () => {
    const { client, seen, clock } = setup((_r, i) => (i == 0 ? new Promise<Response>(() => {}) : json(product('1'))), { timeout: 1000 });
    const p = client.query(Q, { id: '1' });
    await clock.advance(1000); // timeout
    await clock.advance(1000); // backoff
    await expect(p).resolves.toEqual(product('1').data);
    expect(seen.length).toBe(2);
  });

  it('drops an unwatched entry gcTime after it was stored, a watched one only after its last watcher left', async () => {
    const { client, seen, clock } = setup(() => json(product('1')), { gcTime: 1000, staleTime: 1e9 });
    await client.query(Q, { id: '1' });
    await clock.advance(999);
    await client.query(Q, { id: '1' });
    expect(seen.length).toBe(1);
    await clock.advance(1);
    await client.query(Q, { id: '1' });
    expect(seen.length).toBe(2);
    const un = client.watch(Q, { id: '1' }, () => {});
    await clock.advance(5000);
    await client.query(Q, { id: '1' });
    expect(seen.length).toBe(2);
    un();
    await clock.advance(1000);
    await client.query(Q, { id: '1' });
    expect(seen.length).toBe(3);
  });

  it('serves stale data at once while it revalidates (stale-while-revalidate)', async () => {
    let name = 'old';
    const { client, clock } = setup(() => json(product('1', name)), { staleTime: 1000 });
    await client.query(Q, { id: '1' });
    await clock.advance(1000);
    name = 'new';
    const states: QueryState<unknown>[] = [];
    client.watch(Q, { id: '1' }, (s) => states.push(s));
    expect(states[0]).toMatchObject({ data: product('1', 'old').data, fetching: true, loading: false, stale: true });
    await flush();
    expect(states.at(-1)).toMatchObject({ data: product('1', 'new').data, fetching: false, stale: false });
  });

  it('maps BAD_USER_INPUT with extensions.field and never retries it', async () => {
    const body = { errors: [{ message: 'price must be positive', path: ['updateProduct'], extensions: { code: 'BAD_USER_INPUT', field: 'price' } }], data: null };
    const onError = vi.fn();
    const { client, seen } = setup(() => json(body), { onError });
    const e = await client.mutate('mutation U { updateProduct { id } }', {}, { idempotencyKey: 'k' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NexusError);
    expect(e).toMatchObject({ kind: 'graphql', code: 'BAD_USER_INPUT', field: 'price', message: 'price must be positive', retryable: false });
    expect(seen.length).toBe(1);
    expect(onError).toHaveBeenCalledWith(e, { kind: 'mutation', name: 'U' });
  });

  it('maps a non-2xx GraphQL body to kind http with status, code and Retry-After', async () => {
    const { client } = setup(() => json({ errors: [{ message: 'busy', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }, 503, { 'retry-after': '7' }), { retries: 0 });
    await expect(client.query(Q, { id: '1' })).rejects.toMatchObject({ kind: 'http', status: 503, code: 'SUBGRAPH_UNAVAILABLE', retryAfter: 7000, retryable: true });
  });

  it('a query resolves partial data and watchers see the error beside it; a mutation rejects', async () => {
    const body = { data: { a: 1, b: null }, errors: [{ message: 'b failed', path: ['b'], extensions: { code: 'QUERY_PLAN_FAILED' } }] };
    const { client } = setup(() => json(body));
    await expect(client.query('query { a b }')).resolves.toEqual({ a: 1, b: null });
    const states: QueryState<unknown>[] = [];
    client.watch('query { a b }', undefined, (s) => states.push(s));
    expect(states.at(-1)).toMatchObject({ data: { a: 1, b: null }, error: { code: 'QUERY_PLAN_FAILED' } });
    await expect(client.mutate('mutation { a b }')).rejects.toMatchObject({ kind: 'graphql' });
    const none = setup(() => json({ data: { a: null }, errors: [{ message: 'x' }] }));
    await expect(none.client.query('query { a }')).rejects.toMatchObject({ kind: 'graphql', message: 'x' });
  });

  it('APQ: hash first by GET, full query by POST on PERSISTED_QUERY_NOT_FOUND, then hash only', async () => {
    const known = new Set<string>();
    const { client, seen } = setup(
      (r) => {
        const ext = r.body?.extensions ?? JSON.parse(new URL(r.url, 'http://x').searchParams.get('extensions') ?? 'null');
        const hash = (ext as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash;
        if (queryOf(r)) known.add(hash);
        else if (!known.has(hash)) return json({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
        return json(product('1'));
      },
      { persisted: true },
    );
    await expect(client.query(Q, { id: '1' })).resolves.toEqual(product('1').data);
    await expect(client.query(Q, { id: '1' }, { force: true })).resolves.toEqual(product('1').data);
    expect(seen.map((r) => [r.method, !!queryOf(r)])).toEqual([['GET', false], ['POST', true], ['GET', false]]);
    expect(seen.map((r) => r.headers.get('x-nexus-csrf'))).toEqual([null, '1', null]);
    const hash = await sha256(Q);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new URL(seen[0]!.url, 'http://x').searchParams.get('extensions')).toBe(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    await client.mutate('mutation M { x }', undefined);
    expect(seen.at(-1)!.method).toBe('POST');
  });

  it('APQ falls back to the full query where WebCrypto is missing (plain-http origins)', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      const { client, seen } = setup(() => json(product('1')), { persisted: true });
      await expect(client.query(Q, { id: '1' })).resolves.toEqual(product('1').data);
      expect(seen.map((r) => [r.method, queryOf(r), r.body?.extensions])).toEqual([['POST', Q, undefined]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sends Accept: application/json, the token and custom headers', async () => {
    const { client, seen } = setup(() => json(product('1')), { token: async () => 't0', headers: { 'X-Client': 'web' } });
    await client.query(Q, { id: '1' });
    expect(seen[0]!.headers.get('accept')).toBe('application/json');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer t0');
    expect(seen[0]!.headers.get('x-client')).toBe('web');
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    expect(seen[0]!.body).toEqual({ query: Q, variables: { id: '1' }, operationName: 'P' });
  });

  it('sends X-Nexus-CSRF: 1 and same-origin credentials on every POST (the router forwards the session cookie only then), not on APQ GETs', async () => {
    const { client, seen } = setup(() => json(product('1')));
    await client.query(Q, { id: '1' });
    await client.mutate('mutation M { m { id } }').catch(() => {});
    expect(seen.map((r) => [r.method, r.headers.get('x-nexus-csrf'), r.credentials])).toEqual([
      ['POST', '1', 'same-origin'],
      ['POST', '1', 'same-origin'],
    ]);
  });

  it('sends Idempotency-Key and retries a keyed mutation; an unkeyed one never', async () => {
    const { client, seen, clock } = setup((_r, i) => (i % 2 == 0 ? json({}, 502) : json({ data: { m: { __typename: 'Cart', id: 'c' } } })));
    const p = client.mutate('mutation { m { id } }', undefined, { idempotencyKey: 'abc' });
    await clock.advance(1000);
    await expect(p).resolves.toEqual({ m: { __typename: 'Cart', id: 'c' } });
    expect(seen.map((r) => r.headers.get('idempotency-key'))).toEqual(['abc', 'abc']);
    await expect(client.mutate('mutation { m { id } }')).rejects.toMatchObject({ status: 502 });
    expect(seen.length).toBe(3);
  });

  it('refetches watched stale queries on focus and online, not when switched off', async () => {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('window', win);
    vi.stubGlobal('document', doc);
    try {
      for (const on of [true, false]) {
        const { client, seen, clock } = setup(() => json(product('1')), { staleTime: 100, refetchOnFocus: on, refetchOnReconnect: on });
        client.watch(Q, { id: '1' }, () => {});
        await flush();
        win.dispatchEvent(new Event('focus'));
        await flush();
        expect(seen.length).toBe(1); // fresh: nothing to do
        await clock.advance(100);
        win.dispatchEvent(new Event('focus'));
        await flush();
        await clock.advance(100);
        doc.dispatchEvent(new Event('visibilitychange'));
        await flush();
        await clock.advance(100);
        win.dispatchEvent(new Event('online'));
        await flush();
        expect(seen.length).toBe(on ? 4 : 1);
        client.dispose();
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('server events on the bus invalidate like mutations', async () => {
    const { client, seen } = setup((r) => json(product(String((r.body?.variables as { id: string }).id))));
    client.watch(Q, { id: '1' }, () => {});
    client.watch(Q, { id: '2' }, () => {});
    await flush();
    client.bus.emit('product:updated', { productId: '2' }, { source: 'server' });
    await flush();
    expect(seen.map((r) => (r.body?.variables as { id: string }).id)).toEqual(['1', '2', '2']);
    client.bus.emit('product:created', { productId: '3' }, { source: 'server' });
    await flush();
    expect(seen.length).toBe(5);
  });
});
