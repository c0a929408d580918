/**
 * @nexus/client/ws: server events over graphql-transport-ws (graphql-ws),
 * ONE lazy WebSocket per page shared by every microfrontend, reconnecting
 * forever with backoff, resuming subscriptions from their last cursor.
 */
import { createClient as createWs } from 'graphql-ws';
import { isObj, type Document } from './document.ts';
import { NexusError, toErrors } from './error.ts';
import { internal } from './internal.ts';
import type { Client } from './types.ts';

/** Connection state, for an offline / reconnecting indicator: 'closed' also before the first subscription opens the socket. */
export type Status = 'connecting' | 'open' | 'closed';

/** How a subscription resumes: the argument that takes a cursor, and where the cursor is in each event. */
export interface Resume<D> {
  argument: string;
  cursor: (data: D) => string | undefined;
}

/** Receives a subscription's events. */
export interface Sink<D> {
  next(data: D): void;
  error?(e: NexusError): void;
  complete?(): void;
}

/** The page's event connection. */
export interface Events {
  subscribe<D, V>(doc: Document<D, V>, variables: V | undefined, sink: Sink<D>, opts?: { resume?: Resume<D> }): () => void;
  dispose(): void;
  readonly status: Status;
  onStatus(l: (s: Status) => void): () => void;
}

/** Reconnect wait n (0-based): equal jitter over min(1000·2^n, 30000) ms, as HTTP retries. */
const backoff = (n: number) => {
  const cap = Math.min(1000 * 2 ** n, 30000);
  return new Promise<void>((r) => setTimeout(r, cap / 2 + (Math.random() * cap) / 2));
};

/** Whatever graphql-ws hands to sink.error (GraphQL errors, a CloseEvent, an Error) as a NexusError. */
export const toNexusError = (e: unknown): NexusError =>
  Array.isArray(e)
    ? new NexusError('graphql', toErrors(e)[0]?.message ?? 'Subscription error', toErrors(e))
    : isObj(e) && typeof e.code == 'number'
      ? new NexusError('network', `WebSocket closed (${e.code}${e.reason ? ': ' + String(e.reason) : ''})`)
      : new NexusError('network', e instanceof Error ? e.message : String(e));

/**
 * Opens the page's event connection (lazily: the socket opens with the
 * first subscription). The client's token goes in connection_init as
 * {Authorization: 'Bearer …'}. A subscription with `resume` remembers the
 * last cursor it delivered; graphql-ws re-sends the same payload object on
 * every reconnect and serialises it at send time, so updating its
 * variables in place makes the re-subscription start right after that
 * cursor — nothing missed, nothing repeated. CURSOR_EXPIRED (or INVALID
 * on the resume argument: a cursor this server never issued): the cursor is
 * dropped, every cached query invalidated (client.invalidateAll) and the
 * subscription restarted live. SUBGRAPH_UNAVAILABLE (the router gave up
 * resuming upstream) is reported to sink.error and the subscription is
 * resumed from its cursor after a backoff. SHUTTING_DOWN (a router
 * restarting ends its subscriptions with it, then "complete") is not
 * reported: the subscription is made again after a backoff, a resumable
 * one from its cursor.
 */
export function connectEvents(client: Client, opts: { url?: string; webSocketImpl?: unknown } = {}): Events {
  let status: Status = 'closed';
  const ls = new Set<(s: Status) => void>();
  const set = (s: Status) => {
    if (s == status) return;
    status = s;
    for (const l of [...ls]) l(s);
  };
  const ws = createWs({
    url: opts.url ?? (location.protocol == 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql',
    webSocketImpl: opts.webSocketImpl,
    lazy: true,
    keepAlive: 10000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: backoff,
    connectionParams: async () => {
      // A failing token provider connects anonymously rather than closing the socket for good.
      const t = await Promise.resolve()
        .then(() => internal(client)?.token?.())
        .catch(() => null);
      return t ? { Authorization: 'Bearer ' + t } : {};
    },
    on: { connecting: () => set('connecting'), connected: () => set('open'), closed: () => set('closed') },
  });

  return {
    get status() {
      return status;
    },
    onStatus(l) {
      ls.add(l);
      return () => void ls.delete(l);
    },
    dispose() {
      void ws.dispose();
      set('closed');
    },
    subscribe<D, V>(doc: Document<D, V>, variables: V | undefined, sink: Sink<D>, o: { resume?: Resume<D> } = {}) {
      const r = o.resume;
      let cursor: string | undefined;
      let stopped = false;
      let off = () => {};
      let retry = 0;
      let expired = false;
      const run = () => {
        const vars: Record<string, unknown> = { ...(variables as object) };
        if (r && cursor) vars[r.argument] = cursor;
        else if (r && expired) delete vars[r.argument]; // the caller's own cursor expired too
        let done = false;
        const fail = (e: NexusError) => {
          if (done || stopped) return;
          // A cursor the server no longer has (or never had: INVALID on the
          // resume argument, e.g. after a database reset) is treated alike.
          // Only when a cursor was sent: a live subscription cannot loop here.
          const lost = !!r && vars[r.argument] != null && (e.code == 'CURSOR_EXPIRED' || (e.code == 'INVALID' && e.field == r.argument));
          // SHUTTING_DOWN: the router is restarting and says "subscribe
          // again" (then completes the subscription); it is not an error
          // to show, and a resumable subscription goes on from its cursor.
          const restart = e.code == 'SHUTTING_DOWN';
          if (restart || (r && (lost || e.code == 'SUBGRAPH_UNAVAILABLE'))) {
            done = true;
            off();
            if (lost) {
              cursor = undefined;
              expired = true;
              client.invalidateAll();
              run();
            } else {
              if (!restart) sink.error?.(e);
              void backoff(retry++).then(() => stopped || run());
            }
            return;
          }
          sink.error?.(e);
        };
        off = ws.subscribe<D>(
          { query: String(doc), variables: vars },
          {
            next(res) {
              if (res.errors?.length && res.data == null) return fail(toNexusError(res.errors));
              if (stopped || done || res.data == null) return;
              const d = res.data as D;
              const c = r?.cursor(d);
              if (r && c) vars[r.argument] = cursor = c;
              retry = 0;
              sink.next(d);
            },
            error: (e) => fail(toNexusError(e)),
            complete: () => done || stopped || sink.complete?.(),
          },
        );
      };
      run();
      return () => {
        stopped = true;
        off();
      };
    },
  };
}

export { bridgeCatalogEvents } from './catalog-bridge.ts';
