/**
 * The seed's correctness properties for the client, with fast-check: time
 * and failures are the input (fake clock, fake transport).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isObj } from './document.ts';
import { NexusError } from './error.ts';
import { flush, json, setup, type Seen } from './test/fakes.ts';

const RUNS = { numRuns: 40 };

describe('client properties', () => {
  it('property 11: a query within its TTL is served from cache without a request, after it with one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100000 }), fc.array(fc.integer({ min: 0, max: 150000 }), { maxLength: 12 }), async (staleTime, steps) => {
        const { client, clock, seen } = setup(() => json({ data: { x: 1 } }), { staleTime, gcTime: 1e12 });
        await client.query('query { x }');
        let last = clock.now();
        let expected = 1;
        for (const dt of steps) {
          await clock.advance(dt);
          if (clock.now() - last >= staleTime) {
            expected++;
            last = clock.now();
          }
          await client.query('query { x }');
          expect(seen.length).toBe(expected);
        }
      }),
      RUNS,
    );
  });

  it('property 12: a mutation invalidates exactly the queries containing its entities (typename-wide for a new entity)', async () => {
    const entity = fc.tuple(fc.constantFrom('Product', 'Category', 'Review'), fc.integer({ min: 1, max: 4 }).map(String));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ ents: fc.array(entity, { maxLength: 4 }), watched: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom('Product', 'Category', 'Review', 'Cart'), fc.integer({ min: 1, max: 6 }).map(String)), { minLength: 1, maxLength: 3 }),
        async (queries, changed) => {
          const { client, seen } = setup((r) => {
            const q = String(r.body?.query);
            if (q.startsWith('mutation')) return json({ data: { m: changed.map(([t, id]) => ({ __typename: t, id })) } });
            const i = (r.body?.variables as { i: number }).i;
            return json({ data: { list: queries[i]!.ents.map(([t, id]) => ({ __typename: t, id })) } });
          });
          const Q = 'query L($i: Int) { list { __typename id } }';
          for (let i = 0; i < queries.length; i++) await client.query(Q, { i });
          for (let i = 0; i < queries.length; i++) if (queries[i]!.watched) client.watch(Q, { i }, () => {});
          await flush();
          const contains = (i: number, t: string, id?: string) => queries[i]!.ents.some(([a, b]) => a == t && (id == null || b == id));
          const hit = (i: number) =>
            changed.some(([t, id]) => (queries.some((_, j) => contains(j, t, id)) ? contains(i, t, id) : contains(i, t)));
          const before = seen.length;
          await client.mutate('mutation { m { __typename id } }');
          await flush();
          const refetched = new Set(seen.slice(before + 1).map((r) => (r.body?.variables as { i: number }).i));
          for (let i = 0; i < queries.length; i++) {
            expect(refetched.has(i)).toBe(queries[i]!.watched && hit(i));
            const n = seen.length;
            await client.query(Q, { i }); // dropped (unwatched hit) → a request; otherwise cached
            expect(seen.length - n).toBe(!queries[i]!.watched && hit(i) ? 1 : 0);
          }
        },
      ),
      RUNS,
    );
  });

  type Outcome = { k: 'network' } | { k: 'status'; s: number; after?: number | 'date' } | { k: 'gql'; code: string } | { k: 'ok' };
  const outcome: fc.Arbitrary<Outcome> = fc.oneof(
    fc.constant({ k: 'network' as const }),
    fc.record({ k: fc.constant('status' as const), s: fc.constantFrom(429, 500, 502, 503, 504, 400, 401, 403, 404, 422) }),
    fc.record({ k: fc.constant('status' as const), s: fc.constantFrom(429, 503), after: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.constant('date' as const)) }),
    fc.record({ k: fc.constant('gql' as const), code: fc.constantFrom('BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'SUBGRAPH_UNAVAILABLE', 'INVALID') }),
    fc.constant({ k: 'ok' as const }),
  );
  const retryable = (o: Outcome) => o.k == 'network' || (o.k == 'status' && (o.s == 429 || o.s >= 500));

  it('property 13: retries follow the schedule — at most 4 attempts, jittered backoff, Retry-After honoured, the rest never retried', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(outcome, { maxLength: 6 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.constantFrom('query', 'keyed', 'unkeyed'),
        fc.integer({ min: 0, max: 20 }),
        async (outs, jitter, mode, dateSecs) => {
          const times: number[] = [];
          const { client, clock } = setup(
            (_r, i) => {
              times.push(clock.now());
              const o = outs[i] ?? { k: 'ok' };
              if (o.k == 'network') throw new TypeError('connection refused');
              if (o.k == 'gql') return json({ data: null, errors: [{ message: 'no', extensions: { code: o.code } }] });
              if (o.k == 'ok') return json({ data: { x: 1 } });
              const h: Record<string, string> = {};
              if (o.after === 'date') h['retry-after'] = new Date(clock.now() + dateSecs * 1000).toUTCString();
              else if (o.after != null) h['retry-after'] = String(o.after);
              return json({ errors: [{ message: 'HTTP ' + o.s }] }, o.s, h);
            },
            { random: () => jitter, timeout: 1e12 },
          );
          const p =
            mode == 'query'
              ? client.query('query { x }')
              : client.mutate('mutation { x }', undefined, mode == 'keyed' ? { idempotencyKey: 'k' } : {});
          const settled = p.then(
            () => 'ok',
            (e: unknown) => e,
          );
          for (let i = 0; i < 6; i++) await clock.advance(31000);
          const result = await settled;
          let expected = 1;
          if (mode != 'unkeyed') while (expected <= 3 && retryable(outs[expected - 1] ?? { k: 'ok' })) expected++;
          expect(times.length).toBe(expected);
          expect(times.length).toBeLessThanOrEqual(4);
          for (let n = 1; n < times.length; n++) {
            const o = outs[n - 1] as Outcome & { after?: number | 'date' };
            const d = times[n]! - times[n - 1]!;
            if (o.k == 'status' && o.after === 'date') {
              expect(d).toBeLessThanOrEqual(Math.min(dateSecs * 1000, 30000));
              expect(d).toBeGreaterThanOrEqual(Math.min(dateSecs * 1000 - 1000, 30000));
            } else if (o.k == 'status' && o.after != null) {
              // times are fake-clock floats: a jittered earlier delay leaves the
              // difference a rounding error away from the exact wait
              expect(d).toBeCloseTo(Math.min((o.after as number) * 1000, 30000), 6);
            }
            else {
              const cap = Math.min(1000 * 2 ** (n - 1), 30000);
              expect(d).toBeGreaterThanOrEqual(cap / 2);
              expect(d).toBeLessThanOrEqual(cap);
            }
          }
          const last = outs[times.length - 1] ?? { k: 'ok' };
          if (last.k == 'ok') expect(result).toBe('ok');
          else expect(result).toBeInstanceOf(NexusError);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('property 14: the bearer token is on every request when given and never otherwise; refresh runs once on UNAUTHENTICATED', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/), { nil: null }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom<'none' | 'gql' | 'http401'>('none', 'gql', 'http401'),
        fc.boolean(),
        fc.boolean(),
        async (token, n, unauth, refreshed, stillUnauth) => {
          let tok = token;
          let refreshes = 0;
          let rejectAll = false;
          const deny = () =>
            unauth == 'gql'
              ? json({ data: null, errors: [{ message: 'who?', extensions: { code: 'UNAUTHENTICATED' } }] })
              : json({ errors: [{ message: 'who?', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
          const { client, seen } = setup(
            () => (rejectAll ? deny() : json({ data: { x: 1 } })),
            {
              token: () => tok,
              refresh: async () => {
                refreshes++;
                if (refreshed) tok = 'fresh';
                rejectAll = stillUnauth;
                return refreshed;
              },
            },
          );
          for (let i = 0; i < n; i++) await client.query('query Q($i: Int) { x }', { i });
          const check = (r: Seen, t: string | null) => expect(r.headers.get('authorization')).toBe(t ? 'Bearer ' + t : null);
          for (const r of seen) check(r, token);
          expect(refreshes).toBe(0);
          if (unauth == 'none') return;
          rejectAll = true;
          const before = seen.length;
          const res = await client.query('query { y }').then(
            () => 'ok',
            (e: NexusError) => e.code,
          );
          expect(refreshes).toBe(1);
          expect(seen.length - before).toBe(refreshed ? 2 : 1);
          if (refreshed) check(seen.at(-1)!, 'fresh');
          expect(res).toBe(refreshed && !stillUnauth ? 'ok' : 'UNAUTHENTICATED');
        },
      ),
      RUNS,
    );
  });

  it('property 16: any response is data of the expected shape or a NexusError with kind, code and field set from the body', async () => {
    const errItem = fc.oneof(
      fc.anything(),
      fc.record({ message: fc.oneof(fc.string(), fc.integer()), path: fc.anything(), extensions: fc.oneof(fc.anything(), fc.record({ code: fc.oneof(fc.string(), fc.integer()), field: fc.oneof(fc.string(), fc.boolean()) })) }, { requiredKeys: [] }),
    );
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ data: fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.jsonValue())), errors: fc.oneof(fc.anything(), fc.array(errItem)) }, { requiredKeys: [] }).map((b) => JSON.stringify(b) ?? 'null'),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(200, 201, 400, 401, 403, 404, 413, 429, 500, 502, 503), fc.option(fc.string()), async (text, status, after) => {
        const { client } = setup(() => new Response(text, { status, headers: after == null ? {} : { 'retry-after': after } }), { retries: 0 });
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {}
        try {
          const d = await client.query('query { x }');
          expect(isObj(d)).toBe(true);
          expect(status).toBeLessThan(300);
        } catch (e) {
          expect(e).toBeInstanceOf(NexusError);
          const x = e as NexusError;
          expect(['network', 'timeout', 'http', 'graphql']).toContain(x.kind);
          expect(typeof x.message).toBe('string');
          for (const it of x.errors) expect(typeof it.message).toBe('string');
          if (status >= 300) expect(x).toMatchObject({ kind: 'http', status });
          const first = isObj(parsed) && Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
          const code = isObj(first) && isObj(first.extensions) ? first.extensions.code : undefined;
          if (typeof code == 'string') expect(x.code).toBe(code);
          else if (x.code !== 'BAD_RESPONSE') expect(x.code).toBeUndefined();
          expect(x.field === undefined || typeof x.field == 'string').toBe(true);
          if (x.retryAfter !== undefined) expect(x.retryAfter).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('property 17: the global in-flight count is > 0 exactly while some operation is pending, across interleavings', async () => {
    type End = 'ok' | 'fail' | 'abort';
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ mutation: fc.boolean(), end: fc.constantFrom<End>('ok', 'fail', 'abort') }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        async (ops, choices) => {
          const gates: ((r: Response) => void)[] = [];
          const { client } = setup(() => new Promise<Response>((res) => gates.push(res)));
          let seenCount = 0;
          client.inflight.subscribe((c) => (seenCount = c));
          const started: { done: boolean; ctl: AbortController; i: number; gate?: number }[] = [];
          let next = 0;
          let k = 0;
          const step = async () => {
            const pending = started.filter((s) => !s.done);
            const acts = (next < ops.length ? 1 : 0) + pending.length;
            const c = (choices[k++ % choices.length] ?? 0) % acts;
            if (next < ops.length && c == 0) {
              const op = ops[next]!;
              const ctl = new AbortController();
              const s = { done: false, ctl, i: next++, gate: gates.length };
              const p = op.mutation ? client.mutate('mutation { m }', undefined, { signal: ctl.signal }) : client.query('query Q($i: Int) { q }', { i: s.i }, { signal: ctl.signal });
              started.push(s);
              p.catch(() => {}).finally(() => (s.done = true));
            } else {
              const s = pending[c - (next < ops.length ? 1 : 0)]!;
              const end = ops[s.i]!.end;
              if (end == 'abort') s.ctl.abort();
              else gates[s.gate!]!(end == 'ok' ? json({ data: { m: 1, q: 1 } }) : json({ errors: [{ message: 'bad' }] }, 400));
            }
            await flush();
            const live = started.filter((s) => !s.done).length;
            expect(client.inflight.count).toBe(live);
            expect(seenCount).toBe(live);
            expect(client.inflight.count > 0).toBe(live > 0);
          };
          while (next < ops.length || started.some((s) => !s.done)) await step();
          expect(client.inflight.count).toBe(0);
        },
      ),
      RUNS,
    );
  });
});
