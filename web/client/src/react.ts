/**
 * @nexus/client/react: React 19 bindings, Suspense-free (every hook returns
 * its loading / error state), built on useSyncExternalStore over
 * client.watch, so every component watching a query re-renders when the
 * cache changes — whichever microfrontend caused it.
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { AppEvents, EventMeta, EventName } from './bus.ts';
import { stable, type Document } from './document.ts';
import type { NexusError } from './error.ts';
import { internal } from './internal.ts';
import { session, type SessionState } from './session.ts';
import type { Client, MutateOptions, QueryOptions, QueryState } from './types.ts';
import type { Events, Resume } from './ws.ts';

const Ctx = createContext<Client | null>(null);

/** Provides the page's one client to every component (and every remote: React and @nexus/client are shared singletons). */
export function ClientProvider(props: { client: Client; children?: ReactNode }): React.JSX.Element {
  return createElement(Ctx.Provider, { value: props.client }, props.children);
}

/** The client of the nearest ClientProvider; throws when there is none (a wiring bug, not a runtime state). */
export function useClient(): Client {
  const c = useContext(Ctx);
  if (!c) throw new Error('@nexus/client/react: no <ClientProvider> above this component');
  return c;
}

/** Memoises a value by its JSON, so inline `{ first: 20 }` variables do not re-subscribe on every render. */
const useStable = <T>(v: T): T => {
  const k = stable(v);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => v, [k]);
};

/**
 * Watches a query: cached data at once (stale data while it revalidates),
 * then every change. Re-subscribes when the document or the variables
 * change by value; `enabled: false` fetches nothing and reports idle.
 */
export function useQuery<D, V>(
  doc: Document<D, V>,
  variables?: V,
  opts: QueryOptions & { enabled?: boolean } = {},
): QueryState<D> & { refetch(): void } {
  const client = useClient();
  const q = String(doc);
  const vars = useStable(variables);
  const on = opts.enabled !== false;
  const { staleTime, force, signal } = opts;
  const store = useMemo(() => {
    let snap = (on && (internal(client)?.peek(q, vars) as QueryState<D> | undefined)) || { loading: on, fetching: on, stale: false };
    return {
      sub: (cb: () => void) =>
        on
          ? client.watch<D, V>(q, vars, (s) => ((snap = s), cb()), { staleTime, force, signal })
          : () => {},
      get: () => snap,
    };
  }, [client, q, vars, on, staleTime, force, signal]);
  const s = useSyncExternalStore(store.sub, store.get, store.get);
  const refetch = useCallback(() => void client.query(q, vars, { force: true }).catch(() => {}), [client, q, vars]);
  return { ...s, refetch };
}

/** A mutation and its last outcome; the returned function rejects with the NexusError too (forms read `field`). */
export function useMutation<D, V>(
  doc: Document<D, V>,
): [(variables?: V, opts?: MutateOptions) => Promise<D>, { loading: boolean; error?: NexusError; data?: D }] {
  const client = useClient();
  const q = String(doc);
  const [st, set] = useState<{ loading: boolean; error?: NexusError; data?: D }>({ loading: false });
  const run = useCallback(
    async (v?: V, o?: MutateOptions) => {
      set({ loading: true });
      try {
        const data = await client.mutate<D, V>(q, v, o);
        set({ loading: false, data });
        return data;
      } catch (e) {
        set({ loading: false, error: e as NexusError });
        throw e;
      }
    },
    [client, q],
  );
  return [run, st];
}

/** Subscribes while mounted (and `events` is given); onData may change between renders without re-subscribing. */
export function useSubscription<D, V>(
  events: Events | null,
  doc: Document<D, V>,
  variables: V | undefined,
  onData: (d: D) => void,
  opts?: { resume?: Resume<D> },
): { error?: NexusError } {
  const [error, setError] = useState<NexusError>();
  const cb = useRef({ onData, opts });
  cb.current = { onData, opts };
  const q = String(doc);
  const vars = useStable(variables);
  useEffect(() => {
    if (!events) return;
    setError(undefined);
    return events.subscribe<D, V>(q, vars, { next: (d) => cb.current.onData(d), error: setError }, cb.current.opts);
  }, [events, q, vars]);
  return { error };
}

/** Listens to one bus event while mounted; the handler may change between renders. */
export function useBus<K extends EventName>(name: K, handler: (data: AppEvents[K], meta: EventMeta) => void): void {
  const bus = useClient().bus;
  const h = useRef(handler);
  h.current = handler;
  useEffect(() => bus.on(name, (d, m) => h.current(d, m)), [bus, name]);
}

/** How many operations are in flight (the shell's global loading bar). */
export function useInflight(): number {
  const { inflight } = useClient();
  return useSyncExternalStore(inflight.subscribe, () => inflight.count, () => 0);
}

/**
 * The page's session (status 'loading' | 'signed-in' | 'signed-out' and the user), re-rendering on every change —
 * a sign-in or sign-out in this tab or another. Actions: `session` from @nexus/client/session.
 */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
