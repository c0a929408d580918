import type { SessionUser } from './session.ts';

/** The seed's 14 application events and their payloads: one typed vocabulary for every microfrontend. */
export interface AppEvents {
  'cart:updated': { itemCount: number; total: number };
  'cart:item-added': { productId: string; quantity: number };
  'cart:item-removed': { productId: string };
  /** A sign-in in this tab or another (the user as the session knows it). */
  'auth:login': { userId: string; user?: SessionUser };
  'auth:logout': Record<string, never>;
  'auth:token-refreshed': Record<string, never>;
  'product:viewed': { productId: string };
  'product:created': { productId: string };
  'product:updated': { productId: string };
  'product:deleted': { productId: string };
  'order:created': { orderId: string; total: number };
  'order:status-changed': { orderId: string; status: string };
  'navigation:change': { path: string };
  'theme:changed': { theme: 'light' | 'dark' };
}

/** Any event name. */
export type EventName = keyof AppEvents;

/** Where an event came from: this page, another tab of the origin, or the server (with its bus cursor). */
export interface EventMeta {
  source: 'local' | 'tab' | 'server';
  cursor?: string;
}

/** A listener of one event. */
export type Handler<K extends EventName> = (data: AppEvents[K], meta: EventMeta) => void;

/** Publish/subscribe between microfrontends on a page and across tabs; listeners do not care where an event came from. */
export interface EventBus {
  on<K extends EventName>(name: K, handler: Handler<K>): () => void;
  off<K extends EventName>(name: K, handler: Handler<K>): void;
  emit<K extends EventName>(name: K, data: AppEvents[K], meta?: Partial<EventMeta>): void;
}

const NAMES = new Set<string>(
  'cart:updated cart:item-added cart:item-removed auth:login auth:logout auth:token-refreshed product:viewed product:created product:updated product:deleted order:created order:status-changed navigation:change theme:changed'.split(' '),
);

/**
 * Creates a bus. Listeners run in registration order; one that throws is
 * reported with console.error and does not stop the others. Unless
 * `channel` is null (or there is no BroadcastChannel), events with source 'local'
 * (the default) also go to the other tabs of the origin on the
 * BroadcastChannel `channel` (default 'nexus-bus') as `{name, data}`; the
 * receiving tab emits them with source 'tab' and never re-broadcasts.
 * Messages with an unknown name or shape are ignored.
 */
export function createBus(opts: { channel?: string | null } = {}): EventBus {
  const map = new Map<string, Set<Handler<EventName>>>();
  const name = opts.channel === undefined ? 'nexus-bus' : opts.channel;
  const bc = name != null && typeof BroadcastChannel == 'function' ? new BroadcastChannel(name) : null;
  const local = (n: string, data: unknown, meta: EventMeta) => {
    for (const h of [...(map.get(n) ?? [])]) {
      try {
        h(data as never, meta);
      } catch (e) {
        console.error('nexus bus: listener of ' + n + ' threw', e);
      }
    }
  };
  (bc as { unref?(): void } | null)?.unref?.(); // Node: a bus must not keep the process alive
  if (bc)
    bc.onmessage = (ev: MessageEvent<unknown>) => {
      const m = ev.data as { name?: unknown; data?: unknown } | null;
      if (m && typeof m.name == 'string' && NAMES.has(m.name)) local(m.name, m.data, { source: 'tab' });
    };
  const bus: EventBus = {
    on(n, h) {
      let s = map.get(n);
      if (!s) map.set(n, (s = new Set()));
      s.add(h as Handler<EventName>);
      return () => bus.off(n, h);
    },
    off(n, h) {
      map.get(n)?.delete(h as Handler<EventName>);
    },
    emit(n, data, meta) {
      const m: EventMeta = { source: 'local', ...meta };
      local(n, data, m);
      if (bc && m.source == 'local')
        try {
          bc.postMessage({ name: n, data });
        } catch (e) {
          console.error('nexus bus: cannot broadcast ' + n, e);
        }
    },
  };
  return bus;
}
