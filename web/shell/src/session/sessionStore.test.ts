import { createBus, type EventName } from '@nexus/client';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock, fakeLocks, fakeServer, flush, grant } from './sessionFakes.ts';
import { createSessionStore, type SessionStore } from './sessionStore.ts';

let stores: SessionStore[] = [];
afterEach(() => {
  stores.forEach((s) => s.dispose());
  stores = [];
});

/** One browser: a clock, its cookie jar (the fake server), the origin's Web Locks; tabs() opens tabs on it. */
function browser(ttl?: number) {
  const clock = fakeClock();
  const server = fakeServer(clock, ttl);
  const locks = fakeLocks();
  const channel = `nexus-bus-test-${Math.random()}`;
  const tab = () => {
    const bus = createBus({ channel });
    const events: EventName[] = [];
    for (const n of ['auth:login', 'auth:logout', 'auth:token-refreshed'] as const) bus.on(n, () => events.push(n));
    let identity = 0;
    const store = createSessionStore({ bus, fetch: server.fetch as typeof fetch, locks, ...clock, onIdentityChange: () => identity++ });
    stores.push(store);
    return { store, bus, events, identity: () => identity };
  };
  return { clock, server, tab };
}

describe('session store', () => {
  it('restores the session from the cookie on load (property 18) and keeps the token in memory', async () => {
    const b = browser();
    b.server.signedIn = true;
    const t = b.tab();
    expect(t.store.get()).toEqual({ status: 'loading', user: null });
    await t.store.start();
    expect(t.store.get().status).toBe('signed-in');
    expect(t.store.get().user?.id).toBe('u1');
    expect(t.store.token()).toBe('token-1');
    expect(b.server.calls[0]).toEqual({ op: 'RefreshSession', csrf: '1', auth: null, credentials: 'same-origin' });
  });

  it('without a session cookie the restore ends signed out, and the client is told not to retry', async () => {
    const b = browser();
    const t = b.tab();
    await t.store.start();
    expect(t.store.get()).toEqual({ status: 'signed-out', user: null });
    expect(t.store.token()).toBeNull();
    await expect(t.store.refreshForClient()).resolves.toBe(false);
    expect(b.server.calls.length).toBe(1);
    expect(t.events).toEqual([]);
  });

  it('refreshes silently 60 s before expiresAt, again and again, each time announcing auth:token-refreshed', async () => {
    const b = browser();
    b.server.signedIn = true;
    const t = b.tab();
    await t.store.start();
    expect(b.clock.pending()).toEqual([14 * 60_000]);
    await b.clock.advance(14 * 60_000 - 1);
    expect(t.store.token()).toBe('token-1');
    await b.clock.advance(1);
    expect(t.store.token()).toBe('token-2');
    await b.clock.advance(14 * 60_000);
    expect(t.store.token()).toBe('token-3');
    expect(t.events).toEqual(['auth:token-refreshed', 'auth:token-refreshed', 'auth:token-refreshed']);
  });

  it('a refresh refused (revoked session) signs out and tells the other tabs', async () => {
    const b = browser();
    b.server.signedIn = true;
    const [a, c] = [b.tab(), b.tab()];
    await a.store.start();
    await c.store.start();
    b.server.signedIn = false;
    await b.clock.advance(14 * 60_000);
    await flush();
    expect(a.store.get().status).toBe('signed-out');
    expect(c.store.get().status).toBe('signed-out');
    expect(a.store.token()).toBeNull();
  });

  it('offline: a failed restore retries later instead of giving up', async () => {
    const b = browser();
    b.server.signedIn = true;
    b.server.offline = true;
    const t = b.tab();
    await t.store.start();
    expect(t.store.get().status).toBe('signed-out');
    b.server.offline = false;
    await b.clock.advance(15_000);
    expect(t.store.get().status).toBe('signed-in');
  });

  it('the client waits for the restore before retrying an UNAUTHENTICATED request', async () => {
    const b = browser();
    b.server.signedIn = true;
    const t = b.tab();
    const started = t.store.start();
    const retry = t.store.refreshForClient();
    await started;
    await expect(retry).resolves.toBe(true);
    expect(b.server.calls.filter((c) => c.op === 'RefreshSession').length).toBe(1);
  });

  it('property 3: signing in in one tab signs in the other (from the shared cookie); signing out in one signs out the other', async () => {
    const b = browser();
    const [a, c] = [b.tab(), b.tab()];
    await a.store.start();
    await c.store.start();
    expect(c.store.get().status).toBe('signed-out');

    b.server.signedIn = true; // signIn set the cookie
    a.store.signedIn(grant(100, b.clock.now(), 15 * 60_000));
    expect(a.store.get().status).toBe('signed-in');
    expect(a.events).toEqual(['auth:login']);
    await flush();
    expect(c.store.get().status).toBe('signed-in');
    expect(c.store.token()).toMatch(/^token-/);
    expect(c.store.token()).not.toBe(a.store.token());
    expect(c.events).toEqual(['auth:login', 'auth:token-refreshed']);
    expect(c.identity()).toBe(1);

    await c.store.signOut();
    expect(b.server.calls.at(-1)).toMatchObject({ op: 'SignOut', csrf: '1', auth: null });
    await flush();
    expect(c.store.get().status).toBe('signed-out');
    expect(a.store.get().status).toBe('signed-out');
    expect(a.store.token()).toBeNull();
    expect(a.events.at(-1)).toBe('auth:logout');
    expect(a.identity()).toBe(2);
  });

  it('two tabs never refresh at the same time (Web Locks), even when both are due at once', async () => {
    const b = browser();
    b.server.signedIn = true;
    const tabs = [b.tab(), b.tab(), b.tab()];
    await Promise.all(tabs.map((t) => t.store.start()));
    await Promise.all(tabs.map((t) => t.store.refresh()));
    await b.clock.advance(30 * 60_000);
    expect(b.server.maxRunning).toBe(1);
    expect(new Set(tabs.map((t) => t.store.token())).size).toBe(3);
    expect(tabs.every((t) => t.store.get().status === 'signed-in')).toBe(true);
  });

  it('a refresh that was under way when the user signed out does not bring the session back', async () => {
    const b = browser();
    b.server.signedIn = true;
    const t = b.tab();
    await t.store.start();
    let open!: () => void;
    b.server.gate = new Promise((r) => (open = r));
    const pending = t.store.refresh();
    await flush();
    const out = t.store.signOut();
    open();
    await pending;
    await out;
    expect(t.store.get().status).toBe('signed-out');
    expect(t.store.token()).toBeNull();
  });

  it('a restore that fails after the user signed in meanwhile does not sign the new session out', async () => {
    const b = browser();
    const t = b.tab();
    let open!: () => void;
    b.server.gate = new Promise((r) => (open = r));
    const started = t.store.start();
    await flush();
    t.store.signedIn(grant(7, b.clock.now(), 15 * 60_000));
    open();
    await started;
    expect(t.store.get().status).toBe('signed-in');
    expect(t.store.token()).toBe('token-7');
  });

  it('sign out everywhere sends the access token', async () => {
    const b = browser();
    b.server.signedIn = true;
    const t = b.tab();
    await t.store.start();
    await t.store.signOut({ everywhere: true });
    expect(b.server.calls.at(-1)).toMatchObject({ op: 'SignOut', auth: 'Bearer token-1' });
  });
});
