import { type EventBus, NexusError } from '@nexus/client';
import type { Session, SessionGrant, SessionState } from '@nexus/client/session';
import { post, refreshSession, SIGN_OUT, type SessionWire } from './api.ts';
import { refreshDelay } from './refreshDelay.ts';

/** The part of the Web Locks API the session uses (navigator.locks). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The Web Lock every tab of the origin takes around a refresh or sign-out, so they never rotate the cookie at once. */
export const SESSION_LOCK = 'nexus-session';

/** Options of {@link createSessionStore}; everything but the bus has a default. */
export interface SessionStoreOptions {
  /** The page's bus: auth:login / auth:logout / auth:token-refreshed go out on it and come in from other tabs. */
  bus: EventBus;
  /** GraphQL endpoint; default '/graphql'. */
  url?: string;
  fetch?: typeof fetch;
  /** Clock seams (tests use a fake clock); defaults Date.now, setTimeout, clearTimeout. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (h: unknown) => void;
  /** Default navigator.locks; null = no cross-tab lock (an insecure context has none). */
  locks?: LockManagerLike | null;
  /** Called when the signed-in identity changes (sign-in, sign-out, another user): the shell drops cached data. */
  onIdentityChange?: () => void;
  /** Wait before trying again after a refresh failed for a reason other than the session (offline, 5xx); default 15 s. */
  retryMs?: number;
}

/** The shell's session: the shared Session API plus what only the shell needs (the token, for the client). */
export interface SessionStore extends Session {
  /** The access token, in memory only; null when signed out. */
  token(): string | null;
  /** The client's `refresh` option: after an UNAUTHENTICATED answer, true when a retry with a new token makes sense. */
  refreshForClient(): Promise<boolean>;
  /** Restores the session from the cookie (refreshSession); resolves when the status is no longer 'loading'. */
  start(): Promise<void>;
  dispose(): void;
}

/**
 * The session behind every tab (contract13 "Web"): the access token lives in this closure only; start() restores it
 * from the HttpOnly refresh cookie; it refreshes itself refreshDelay() before expiresAt; every refresh and sign-out
 * holds the Web Lock 'nexus-session', so two tabs never rotate the cookie at the same time. A sign-in emits
 * auth:login {userId, user} and a sign-out auth:logout on the bus, which carries them to every other tab: those
 * refresh from the shared cookie (login) or forget their token (logout). Each refresh emits auth:token-refreshed.
 */
export function createSessionStore(o: SessionStoreOptions): SessionStore {
  const now = o.now ?? Date.now;
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((h: unknown) => clearTimeout(h as never));
  const wire: SessionWire = { url: o.url ?? '/graphql', fetch: o.fetch ?? ((i, r) => fetch(i, r)) };
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  const locks = o.locks === undefined ? (nav?.locks ?? null) : o.locks;
  const { bus } = o;
  const ls = new Set<(s: SessionState) => void>();
  let state: SessionState = { status: 'loading', user: null };
  let token: string | null = null;
  let timer: unknown;
  let inflight: Promise<boolean> | undefined;
  let restored: Promise<void> = Promise.resolve();
  /** Bumped by every sign-in and sign-out: a refresh that started before one must not overwrite its outcome. */
  let gen = 0;

  const set = (s: SessionState) => {
    state = s;
    for (const l of [...ls]) l(s);
  };
  const locked = <T>(fn: () => Promise<T>): Promise<T> => (locks ? locks.request(SESSION_LOCK, fn) : fn());
  const stopTimer = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  const later = (ms: number) => {
    stopTimer();
    timer = setTimer(() => {
      timer = undefined;
      void refresh();
    }, ms);
  };
  const adopt = (g: SessionGrant) => {
    const before = state.user?.id;
    token = g.accessToken;
    set({ status: 'signed-in', user: g.user });
    const at = Date.parse(g.expiresAt);
    if (Number.isFinite(at)) later(refreshDelay(at, now()));
    if (before !== g.user.id) o.onIdentityChange?.();
  };
  /** Forgets the session here; returns whether it was signed in. */
  const drop = (): boolean => {
    const was = state.status === 'signed-in';
    token = null;
    stopTimer();
    set({ status: 'signed-out', user: null });
    if (was) o.onIdentityChange?.();
    return was;
  };

  const run = async (): Promise<boolean> => {
    const g = gen;
    try {
      const grant = await locked(() => refreshSession(wire));
      if (g !== gen) return state.status === 'signed-in';
      adopt(grant);
      bus.emit('auth:token-refreshed', {});
      return true;
    } catch (e) {
      if (g !== gen) return state.status === 'signed-in';
      const err = e instanceof NexusError ? e : new NexusError('network', String(e));
      if (err.code === 'UNAUTHENTICATED' || err.status === 401) {
        // the cookie is missing, expired or revoked: the same for every tab, so tell them
        if (drop()) bus.emit('auth:logout', {});
        return false;
      }
      // offline or the server in trouble: keep what we have (nothing, on load) and try again later
      if (state.status === 'loading') set({ status: 'signed-out', user: null });
      later(o.retryMs ?? 15_000);
      return false;
    }
  };
  /** One refresh at a time in this tab (callers share it), one at a time across tabs (the lock). */
  const refresh = (): Promise<boolean> => (inflight ??= run().finally(() => (inflight = undefined)));

  const offs = [
    bus.on('auth:login', (d, meta) => {
      if (meta.source !== 'tab') return;
      // another tab signed in: the cookie is shared, so refresh from it (after a refresh already under way)
      void (inflight ?? Promise.resolve()).then(() => (state.status !== 'signed-in' || state.user?.id !== d.userId ? refresh() : true));
    }),
    bus.on('auth:logout', (_d, meta) => {
      if (meta.source !== 'tab') return;
      gen++;
      drop();
    }),
  ];

  return {
    get: () => state,
    subscribe(l) {
      ls.add(l);
      return () => void ls.delete(l);
    },
    token: () => token,
    refresh,
    async refreshForClient() {
      if (state.status === 'loading') {
        await restored;
        return (state as SessionState).status === 'signed-in'; // the restore changed it meanwhile
      }
      return state.status === 'signed-in' ? refresh() : false;
    },
    start() {
      restored = refresh().then(() => {
        if (state.status === 'loading') set({ status: 'signed-out', user: null });
      });
      return restored;
    },
    signedIn(grant) {
      gen++;
      adopt(grant);
      bus.emit('auth:login', { userId: grant.user.id, user: grant.user });
    },
    async signOut(opts) {
      gen++;
      const everywhere = !!opts?.everywhere;
      // this device's sign-out needs only the cookie; an expired bearer token would make the router refuse it
      const t = everywhere ? token : null;
      try {
        await locked(() => post(wire, SIGN_OUT, { everywhere }, t));
      } catch {
        // the session ends here regardless; the cookie is cleared by the next refresh that fails
      }
      gen++;
      drop();
      bus.emit('auth:logout', {});
    },
    updateUser(patch) {
      if (state.user) set({ ...state, user: { ...state.user, ...patch } });
    },
    dispose() {
      stopTimer();
      offs.forEach((f) => f());
      ls.clear();
    },
  };
}
