/**
 * Test seams: a fake clock (now/setTimer/clearTimer driven by advance) and
 * a fake transport that records every request and answers from a handler.
 */
import { createBus } from '../bus.ts';
import { createClient } from '../client.ts';
import type { ClientOptions } from '../types.ts';

/** Lets pending promise callbacks (and real 0 ms tasks, e.g. WebCrypto) run. */
export const flush = async (rounds = 3): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A manual clock: timers fire only inside advance(). */
export function fakeClock() {
  let t = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void; ms: number }>();
  const requested: number[] = [];
  const clock = {
    now: () => t,
    setTimer: (fn: () => void, ms: number): unknown => {
      timers.set(++seq, { at: t + ms, fn, ms });
      requested.push(ms);
      return seq;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    /** Every delay ever asked for, in order. */
    requested,
    pending: () => [...timers.values()].map((x) => x.ms),
    /** Moves time forward by ms, firing due timers in order and flushing promises between them. */
    async advance(ms: number) {
      const end = t + ms;
      await flush();
      for (;;) {
        let next: [number, { at: number; fn: () => void }] | undefined;
        for (const e of timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
        if (!next) break;
        timers.delete(next[0]);
        t = next[1].at;
        next[1].fn();
        await flush();
      }
      t = end;
      await flush();
    },
  };
  return clock;
}

/** One request the fake transport saw. */
export interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: Record<string, unknown> | undefined;
  signal: AbortSignal | undefined;
  credentials: RequestCredentials | undefined;
}

/** A JSON Response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(typeof body == 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fake fetch answering with handler(request, index); records requests. */
export function fakeFetch(handler: (r: Seen, i: number) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const f = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const r: Seen = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined,
      signal: init.signal ?? undefined,
      credentials: init.credentials,
    };
    seen.push(r);
    return handler(r, seen.length - 1);
  };
  return { fetch: f as typeof fetch, seen };
}

/** A client on a fake clock and transport, without a BroadcastChannel. */
export function setup(handler: (r: Seen, i: number) => Response | Promise<Response>, o: ClientOptions = {}) {
  const clock = fakeClock();
  const t = fakeFetch(handler);
  const client = createClient({ fetch: t.fetch, now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer, random: () => 0.5, ...o, bus: o.bus ?? createBus({ channel: null }) });
  return { client, clock, seen: t.seen };
}

/** The query text a request carried (POST body or GET parameter). */
export const queryOf = (r: Seen): string | undefined =>
  (r.body?.query as string | undefined) ?? new URL(r.url, 'http://x').searchParams.get('query') ?? undefined;
