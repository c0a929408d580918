import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBus } from './bus.ts';
import { createClient } from './client.ts';
import { json, fakeFetch } from './test/fakes.ts';
import { bridgeCatalogEvents, connectEvents, type Status } from './ws.ts';

interface Msg {
  id?: string;
  type: string;
  payload?: { query?: string; variables?: Record<string, unknown>; Authorization?: string };
}

/** A WebSocket stand-in speaking just enough graphql-transport-ws: it acks connection_init and records what the client sends. */
class FakeWS {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static all: FakeWS[] = [];
  readyState = 0;
  sent: Msg[] = [];
  onopen?: (e: unknown) => void;
  onmessage?: (e: { data: string }) => void;
  onclose?: (e: { code: number; reason: string; wasClean: boolean }) => void;
  onerror?: (e: unknown) => void;
  constructor(
    public url: string,
    public protocol: string,
  ) {
    FakeWS.all.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
  }
  send(d: string) {
    const m = JSON.parse(d) as Msg;
    this.sent.push(m);
    if (m.type == 'connection_init') this.push({ type: 'connection_ack' });
  }
  push(m: unknown) {
    queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(m) }));
  }
  close(code = 1000, reason = '') {
    if (this.readyState == 3) return;
    this.readyState = 3;
    queueMicrotask(() => this.onclose?.({ code, reason, wasClean: code == 1000 }));
  }
  subs = () => this.sent.filter((m) => m.type == 'subscribe');
}

const tick = () => vi.advanceTimersByTimeAsync(1);
const ev = (cursor: string, type = 'product.updated', aggregateId = '1', payload = '{}') => ({ data: { catalogEvents: { cursor, type, aggregateId, payload } } });

describe('ws', () => {
  beforeEach(() => {
    FakeWS.all = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const client = createClient({ fetch: fakeFetch(() => json({ data: {} })).fetch, bus: createBus({ channel: null }), token: () => 'tok' });
    const events = connectEvents(client, { url: 'ws://x/graphql', webSocketImpl: FakeWS });
    const statuses: Status[] = [];
    events.onStatus((s) => statuses.push(s));
    return { client, events, statuses };
  };

  it('authenticates, resumes after a reconnect from the last delivered cursor, and reports status', async () => {
    const { events, statuses } = make();
    expect(events.status).toBe('closed');
    const got: unknown[] = [];
    events.subscribe<{ catalogEvents: { cursor: string } }, { after?: string; x: number }>(
      'subscription S($after: String) { catalogEvents(after: $after) { cursor } }',
      { x: 1 },
      { next: (d) => got.push(d.catalogEvents.cursor) },
      { resume: { argument: 'after', cursor: (d) => d.catalogEvents.cursor } },
    );
    await tick();
    const ws1 = FakeWS.all[0]!;
    expect(ws1.sent[0]).toEqual({ type: 'connection_init', payload: { Authorization: 'Bearer tok' } });
    const sub1 = ws1.subs()[0]!;
    expect(sub1.payload!.variables).toEqual({ x: 1 });
    ws1.push({ id: sub1.id, type: 'next', payload: ev('c1') });
    ws1.push({ id: sub1.id, type: 'next', payload: ev('c2') });
    await tick();
    expect(got).toEqual(['c1', 'c2']);
    expect(events.status).toBe('open');
    ws1.close(1006, 'gone');
    await tick();
    expect(events.status).toBe('closed');
    await vi.advanceTimersByTimeAsync(1000); // first reconnect waits at most 1 s
    const ws2 = FakeWS.all[1]!;
    expect(ws2).toBeDefined();
    await tick();
    expect(ws2.subs()[0]!.payload!.variables).toEqual({ x: 1, after: 'c2' });
    ws2.push({ id: ws2.subs()[0]!.id, type: 'next', payload: ev('c3') });
    await tick();
    expect(got).toEqual(['c1', 'c2', 'c3']);
    expect(statuses).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
    events.dispose();
  });

  it.each([
    [{ code: 'CURSOR_EXPIRED' }],
    [{ code: 'INVALID', field: 'after' }],
  ])('%o drops the cursor, invalidates everything and subscribes live', async (extensions) => {
    const { client, events } = make();
    const all = vi.spyOn(client, 'invalidateAll');
    const errors: unknown[] = [];
    events.subscribe<{ catalogEvents: { cursor: string } }, { after?: string }>(
      'subscription S($after: String) { catalogEvents(after: $after) { cursor } }',
      { after: 'old' },
      { next: () => {}, error: (e) => errors.push(e) },
      { resume: { argument: 'after', cursor: (d) => d.catalogEvents.cursor } },
    );
    await tick();
    const ws = FakeWS.all[0]!;
    const s1 = ws.subs()[0]!;
    expect(s1.payload!.variables).toEqual({ after: 'old' });
    ws.push({ id: s1.id, type: 'error', payload: [{ message: 'cursor expired', extensions }] });
    await tick();
    expect(all).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([]);
    const s2 = ws.subs()[1]!;
    expect(s2.payload!.variables).toEqual({});
    events.dispose();
  });

  it('CURSOR_EXPIRED on a live subscription (no cursor sent) reaches the sink instead of looping', async () => {
    const { events } = make();
    const errors: string[] = [];
    events.subscribe('subscription { catalogEvents { cursor } }', undefined, { next: () => {}, error: (e) => errors.push(e.code ?? '') }, {
      resume: { argument: 'after', cursor: () => undefined },
    });
    await tick();
    const ws = FakeWS.all[0]!;
    ws.push({ id: ws.subs()[0]!.id, type: 'error', payload: [{ message: 'x', extensions: { code: 'CURSOR_EXPIRED' } }] });
    await tick();
    expect(errors).toEqual(['CURSOR_EXPIRED']);
    expect(ws.subs().length).toBe(1);
    events.dispose();
  });

  it('SUBGRAPH_UNAVAILABLE is reported and the subscription resumes from its cursor after a backoff; other errors just reach the sink', async () => {
    const { events } = make();
    const errors: string[] = [];
    events.subscribe<{ catalogEvents: { cursor: string } }, { after?: string }>(
      'subscription S($after: String) { catalogEvents(after: $after) { cursor } }',
      undefined,
      { next: () => {}, error: (e) => errors.push(e.code ?? '') },
      { resume: { argument: 'after', cursor: (d) => d.catalogEvents.cursor } },
    );
    await tick();
    const ws = FakeWS.all[0]!;
    const s1 = ws.subs()[0]!;
    ws.push({ id: s1.id, type: 'next', payload: ev('c7') });
    ws.push({ id: s1.id, type: 'next', payload: { errors: [{ message: 'gone', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] } });
    ws.push({ id: s1.id, type: 'complete' });
    await tick();
    expect(errors).toEqual(['SUBGRAPH_UNAVAILABLE']);
    await vi.advanceTimersByTimeAsync(1000);
    const s2 = ws.subs()[1]!;
    expect(s2.payload!.variables).toEqual({ after: 'c7' });
    ws.push({ id: s2.id, type: 'error', payload: [{ message: 'bad', extensions: { code: 'INVALID', field: 'other' } }] });
    await tick();
    expect(errors).toEqual(['SUBGRAPH_UNAVAILABLE', 'INVALID']);
    expect(ws.subs().length).toBe(2);
    events.dispose();
  });

  it('SHUTTING_DOWN then complete (a router restarting) is not reported: the subscription is made again from its cursor', async () => {
    const { events } = make();
    const errors: string[] = [];
    let completed = false;
    events.subscribe<{ catalogEvents: { cursor: string } }, { after?: string }>(
      'subscription S($after: String) { catalogEvents(after: $after) { cursor } }',
      undefined,
      { next: () => {}, error: (e) => errors.push(e.code ?? ''), complete: () => (completed = true) },
      { resume: { argument: 'after', cursor: (d) => d.catalogEvents.cursor } },
    );
    await tick();
    const ws = FakeWS.all[0]!;
    const s1 = ws.subs()[0]!;
    ws.push({ id: s1.id, type: 'next', payload: ev('c9') });
    ws.push({ id: s1.id, type: 'next', payload: { errors: [{ message: 'the router closed this subscription; subscribe again', extensions: { code: 'SHUTTING_DOWN' } }] } });
    ws.push({ id: s1.id, type: 'complete' });
    await tick();
    expect(errors).toEqual([]);
    expect(completed).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    const s2 = ws.subs()[1]!;
    expect(s2.payload!.variables).toEqual({ after: 'c9' });
    events.dispose();
  });

  it("the catalog bridge turns review events into product:updated of the payload's product; bad payloads are skipped", async () => {
    const { client, events } = make();
    const seen: unknown[] = [];
    client.bus.on('product:updated', (d, m) => seen.push([d.productId, m.cursor]));
    const stop = bridgeCatalogEvents(client, events);
    await tick();
    const ws = FakeWS.all[0]!;
    const s = ws.subs()[0]!;
    expect(s.payload!.query).toMatch(/catalogEvents\(after: \$after\) \{[^}]*payload/);
    const review = (c: string, type: string, payload: string) => ws.push({ id: s.id, type: 'next', payload: ev(c, type, 'r1', payload) });
    review('1', 'review.created', '{"productId":"p1","rating":5,"productRating":4.5,"productReviewCount":2}');
    review('2', 'review.hidden', '{"productId":"p2"}');
    review('3', 'review.updated', 'not json');
    review('4', 'review.deleted', '{"productId":7}');
    review('5', 'review.restored', 'null');
    review('6', 'review.deleted', '{"productId":"p1"}');
    await tick();
    expect(seen).toEqual([
      ['p1', '1'],
      ['p2', '2'],
      ['p1', '6'],
    ]);
    stop();
    events.dispose();
  });

  it('the catalog bridge emits product events with source server and the cursor; unsubscribe completes', async () => {
    const { client, events } = make();
    const seen: unknown[] = [];
    for (const n of ['product:created', 'product:updated', 'product:deleted'] as const) client.bus.on(n, (d, m) => seen.push([n, d.productId, m]));
    const inv = vi.spyOn(client, 'invalidate');
    const stop = bridgeCatalogEvents(client, events);
    await tick();
    const ws = FakeWS.all[0]!;
    const s = ws.subs()[0]!;
    expect(s.payload!.query).toContain('catalogEvents(after: $after)');
    ws.push({ id: s.id, type: 'next', payload: ev('1', 'product.created', 'p1') });
    ws.push({ id: s.id, type: 'next', payload: ev('2', 'product.stock-changed', 'p2') });
    ws.push({ id: s.id, type: 'next', payload: ev('3', 'product.deleted', 'p3') });
    ws.push({ id: s.id, type: 'next', payload: ev('4', 'category.updated', 'c1') });
    await tick();
    expect(seen).toEqual([
      ['product:created', 'p1', { source: 'server', cursor: '1' }],
      ['product:updated', 'p2', { source: 'server', cursor: '2' }],
      ['product:deleted', 'p3', { source: 'server', cursor: '3' }],
    ]);
    expect(inv).toHaveBeenCalledWith('Category', 'c1');
    stop();
    await tick();
    expect(ws.sent.at(-1)).toEqual({ id: s.id, type: 'complete' });
    events.dispose();
  });
});
