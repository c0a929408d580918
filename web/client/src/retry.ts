import { NexusError } from './error.ts';

/** Longest wait between attempts, and cap on a server's Retry-After. */
export const MAX_DELAY = 30000;

/**
 * The wait before retry number `n` (0 = first retry). The server's
 * Retry-After wins when present (capped at 30 s); otherwise exponential
 * backoff with EQUAL jitter: half of min(1000·2^n, 30000) ms plus a random
 * part up to the other half, so the delay is always within [cap/2, cap] —
 * spread out against thundering herds yet never a zero wait.
 */
export const delayFor = (e: NexusError, n: number, random: () => number): number => {
  if (e.retryAfter != null) return Math.min(e.retryAfter, MAX_DELAY);
  const cap = Math.min(1000 * 2 ** n, MAX_DELAY);
  return cap / 2 + (random() * cap) / 2;
};

/** Retry-After as milliseconds from `now`: delta seconds or an HTTP date; undefined when absent or unreadable. */
export const parseRetryAfter = (h: string | null, now: number): number | undefined => {
  if (h == null) return;
  const d = /^\s*\d+\s*$/.test(h) ? +h * 1000 : Date.parse(h) - now;
  return d >= 0 ? d : d < 0 ? 0 : undefined;
};

/** Thrown when the caller's AbortSignal fires: never retried, never reported to onError. */
export const aborted = (): NexusError => new NexusError('aborted', 'The operation was aborted');

/** Clock seams (tests inject a fake clock). */
export interface Timers {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (h: unknown) => void;
}

/** Waits `ms`, or rejects with 'aborted' as soon as `signal` fires. */
export const sleep = (t: Timers, ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((res, rej) => {
    const h = t.setTimer(() => {
      signal?.removeEventListener('abort', stop);
      res();
    }, ms);
    const stop = () => {
      t.clearTimer(h);
      rej(aborted());
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

/**
 * Runs `attempt` and retries it up to `retries` times while the failure is
 * retryable (network, timeout, 429, 5xx) and `allowed` (mutations only with
 * an idempotency key), waiting delayFor() between attempts.
 */
export async function retrying<T>(
  attempt: () => Promise<T>,
  o: Timers & { retries: number; random: () => number; allowed: boolean; signal?: AbortSignal },
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof NexusError) || !o.allowed || n >= o.retries || !e.retryable || o.signal?.aborted) throw e;
      await sleep(o, delayFor(e, n, o.random), o.signal);
    }
  }
}
