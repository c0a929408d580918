import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createBus, type EventMeta, type EventName } from './bus.ts';
import { createClient } from './client.ts';
import { flush, json, fakeFetch } from './test/fakes.ts';

let seq = 0;
const channel = () => `nexus-bus-test-${process.pid}-${++seq}`;
const NAMES: EventName[] = ['cart:updated', 'product:viewed', 'navigation:change', 'theme:changed', 'auth:logout'];

describe('bus', () => {
  it('property 26: every listener registered for an event receives it, on this page and in another tab (two buses, one BroadcastChannel)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ bus: fc.integer({ min: 0, max: 1 }), name: fc.constantFrom(...NAMES), throws: fc.boolean() }), { maxLength: 8 }),
        fc.array(fc.record({ bus: fc.integer({ min: 0, max: 1 }), name: fc.constantFrom(...NAMES), n: fc.integer(), server: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        async (listeners, emits) => {
          const ch = channel();
          const buses = [createBus({ channel: ch }), createBus({ channel: ch })];
          const got: { l: number; name: string; data: unknown; source: EventMeta['source'] }[][] = listeners.map(() => []);
          const err = vi.spyOn(console, 'error').mockImplementation(() => {});
          listeners.forEach((l, i) =>
            buses[l.bus]!.on(l.name, (data, meta) => {
              got[i]!.push({ l: i, name: l.name, data, source: meta.source });
              if (l.throws) throw new Error('listener ' + i);
            }),
          );
          for (const e of emits) buses[e.bus]!.emit(e.name, { n: e.n } as never, e.server ? { source: 'server' } : undefined);
          const expected = listeners.map((l) =>
            emits.flatMap((e) => (e.name != l.name ? [] : e.bus == l.bus ? [e.server ? 'server' : 'local'] : e.server ? [] : ['tab'])),
          );
          await vi.waitFor(() => expect(got.map((g) => g.length)).toEqual(expected.map((x) => x.length)), { timeout: 5000, interval: 5 });
          await flush();
          listeners.forEach((l, i) => {
            expect(got[i]!.map((g) => g.source).sort()).toEqual([...expected[i]!].sort());
            const mine = emits.filter((e) => e.name == l.name && (e.bus == l.bus || !e.server));
            expect(got[i]!.map((g) => (g.data as { n: number }).n).sort()).toEqual(mine.map((e) => e.n).sort());
          });
          err.mockRestore();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('runs listeners in registration order and survives a throwing one', () => {
    const bus = createBus({ channel: null });
    const calls: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    bus.on('theme:changed', () => calls.push('a'));
    const off = bus.on('theme:changed', () => {
      calls.push('b');
      throw new Error('boom');
    });
    bus.on('theme:changed', (d) => calls.push('c:' + d.theme));
    bus.emit('theme:changed', { theme: 'dark' });
    expect(calls).toEqual(['a', 'b', 'c:dark']);
    expect(err).toHaveBeenCalledTimes(1);
    off();
    bus.emit('theme:changed', { theme: 'light' });
    expect(calls).toEqual(['a', 'b', 'c:dark', 'a', 'c:light']);
    err.mockRestore();
  });

  it('ignores hostile and unknown messages from the channel and does not re-broadcast what it received', async () => {
    const ch = channel();
    const bus = createBus({ channel: ch });
    const other = createBus({ channel: ch });
    const raw = new BroadcastChannel(ch);
    const rawSeen: unknown[] = [];
    raw.onmessage = (e) => rawSeen.push(e.data);
    const got: unknown[] = [];
    bus.on('navigation:change', (d, m) => got.push([d, m.source]));
    for (const m of [null, 5, 'x', { name: 'nope' }, { name: 7 }, { name: '__proto__' }, { name: 'toString' }, { data: 1 }]) raw.postMessage(m);
    raw.postMessage({ name: 'navigation:change', data: { path: '/p' } });
    await vi.waitFor(() => expect(got).toEqual([[{ path: '/p' }, 'tab']]), { timeout: 5000 });
    other.emit('navigation:change', { path: '/q' });
    await vi.waitFor(() => expect(got.length).toBe(2), { timeout: 5000 });
    await flush();
    // raw saw only other's broadcast: the receiving bus did not echo
    expect(rawSeen).toEqual([{ name: 'navigation:change', data: { path: '/q' } }]);
    raw.close();
  });

  it('property 1: a state change is seen by every subscribed microfrontend — after a mutation, a server event, or another tab', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant('list'), fc.integer({ min: 1, max: 3 }).map(String)), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }).map(String),
        fc.constantFrom('mutation', 'server', 'tab'),
        async (mfes, changed, via) => {
          const names = new Map(['1', '2', '3'].map((id) => [id, 'v0-' + id]));
          const p = (id: string) => ({ __typename: 'Product', id, name: names.get(id) });
          const ch = channel();
          const t = fakeFetch((r) => {
            const q = String(r.body?.query);
            if (q.startsWith('mutation')) {
              names.set(changed, 'v1-' + changed);
              return json({ data: { updateProduct: p(changed) } });
            }
            const id = (r.body?.variables as { id?: string } | undefined)?.id;
            return json({ data: id ? { product: p(id) } : { products: ['1', '2', '3'].map(p) } });
          });
          const client = createClient({ fetch: t.fetch, bus: createBus({ channel: ch }), refetchOnFocus: false });
          const otherTab = createBus({ channel: ch });
          const last: unknown[] = mfes.map(() => undefined);
          mfes.forEach((m, i) =>
            client.watch(
              m == 'list' ? 'query { products { __typename id name } }' : 'query P($id: ID!) { product(id: $id) { __typename id name } }',
              m == 'list' ? undefined : { id: m },
              (s) => (last[i] = s.data),
            ),
          );
          await flush();
          if (via == 'mutation') await client.mutate('mutation { updateProduct { __typename id name } }');
          else {
            names.set(changed, 'v1-' + changed);
            if (via == 'server') client.bus.emit('product:updated', { productId: changed }, { source: 'server' });
            else otherTab.emit('product:updated', { productId: changed });
          }
          await vi.waitFor(
            () =>
              mfes.forEach((m, i) => {
                if (m == 'list' || m == changed) expect(JSON.stringify(last[i])).toContain('v1-' + changed);
              }),
            { timeout: 5000, interval: 5 },
          );
          client.dispose();
        },
      ),
      { numRuns: 25 },
    );
  });
});
