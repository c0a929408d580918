/**
 * Test seams for the session store: a manual clock, a Web Locks stand-in (one holder at a time, FIFO), and a fake
 * router + auth service that keeps one browser's cookie jar (shared by every "tab") and counts how many refreshes
 * ever ran at the same time.
 */
export function fakeClock() {
  let t = Date.parse('2026-01-01T00:00:00Z');
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void; ms: number }>();
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number): unknown => (timers.set(++seq, { at: t + ms, fn, ms }), seq),
    clearTimer: (h: unknown) => void timers.delete(h as number),
    pending: () => [...timers.values()].map((x) => x.ms),
    async advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        t = due[1].at;
        due[1].fn();
        await flush();
      }
      t = end;
      await flush();
    },
  };
}

/** Lets pending promise callbacks run. */
export const flush = async (rounds = 5): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
};

/** navigator.locks for one origin: callbacks of one name run one after another. */
export function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, cb: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(cb, cb);
      tails.set(name, run.catch(() => {}));
      return run;
    },
  };
}

/** A session as the auth service answers it (TTL in ms). */
export const grant = (n: number, at: number, ttl: number, id = 'u1') => ({
  accessToken: `token-${n}`,
  expiresAt: new Date(at + ttl).toISOString(),
  user: { __typename: 'User', id, email: `${id}@nexus.test`, firstName: 'Ada', lastName: 'Lovelace', role: 'CUSTOMER' as const, emailVerified: true },
});

/** The router + auth service of one browser: `signedIn` is whether its cookie holds a live session. */
export function fakeServer(clock: { now(): number }, ttl = 15 * 60_000) {
  const s = {
    signedIn: false,
    offline: false,
    issued: 0,
    running: 0,
    maxRunning: 0,
    calls: [] as { op: string; csrf: string | null; auth: string | null; credentials: RequestCredentials | undefined }[],
    /** Resolves the refresh the server holds (hold = true) so a test can interleave tabs. */
    gate: null as null | Promise<void>,
    async fetch(_url: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
      const body = JSON.parse(String(init.body)) as { query: string; variables: { everywhere?: boolean } };
      const h = new Headers(init.headers);
      const op = /mutation (\w+)/.exec(body.query)?.[1] ?? '?';
      s.calls.push({ op, csrf: h.get('x-nexus-csrf'), auth: h.get('authorization'), credentials: init.credentials });
      if (s.offline) throw new TypeError('Failed to fetch');
      if (op === 'SignOut') {
        s.signedIn = false;
        return Response.json({ data: { signOut: true } });
      }
      s.running++;
      s.maxRunning = Math.max(s.maxRunning, s.running);
      try {
        await flush(2);
        if (s.gate) await s.gate;
        if (!s.signedIn) return Response.json({ data: null, errors: [{ message: 'no session', extensions: { code: 'UNAUTHENTICATED' } }] });
        return Response.json({ data: { refreshSession: grant(++s.issued, clock.now(), ttl) } });
      } finally {
        s.running--;
      }
    },
  };
  return s;
}
