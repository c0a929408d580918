import { stable } from './document.ts';
import type { NexusError } from './error.ts';
import type { Timers } from './retry.ts';
import type { QueryState } from './types.ts';

/** A fetch shared by every caller of one query (in-flight de-duplication). */
export interface Shared {
  pr: Promise<unknown>;
  /** Callers still waiting; the fetch is aborted when the last one detaches. */
  n: number;
  ctl: AbortController;
}

/** One cached query: its result, what the result contains, and who watches it. */
export interface Entry {
  key: string;
  q: string;
  v: unknown;
  data?: unknown;
  error?: NexusError;
  /** When data arrived; -Infinity once invalidated. */
  at: number;
  /** staleTime of the latest watch/query call that gave one. */
  st?: number;
  /** __typename and Typename:id keys of the result. */
  refs: Set<string>;
  ls: Set<(s: QueryState<unknown>) => void>;
  p?: Shared;
  gc?: unknown;
  /** Invalidated while a fetch ran: fetch again when it settles. */
  again?: boolean;
}

/**
 * The query cache: entries keyed by operation text + stable-stringified
 * variables; an entry nobody watches is dropped gcTime after it was last
 * stored or its last watcher left.
 */
export function createCache(t: Timers & { now: () => number; staleTime: number; gcTime: number }) {
  const map = new Map<string, Entry>();
  const gc = (e: Entry) => {
    t.clearTimer(e.gc);
    if (!e.ls.size) e.gc = t.setTimer(() => e.ls.size || (map.get(e.key) == e && map.delete(e.key)), t.gcTime);
  };
  const fresh = (e: Entry, st = e.st ?? t.staleTime) => e.data !== undefined && t.now() - e.at < st;
  const state = (e: Entry): QueryState<unknown> => ({
    data: e.data,
    error: e.error,
    loading: e.data === undefined && !!e.p,
    fetching: !!e.p,
    stale: e.data !== undefined && !fresh(e),
  });
  return {
    map,
    gc,
    fresh,
    state,
    key: (q: string, v: unknown) => q + '\n' + stable(v),
    /** The entry for a query, created (and put on the gc clock) on first use. */
    get(q: string, v: unknown): Entry {
      const key = this.key(q, v);
      let e = map.get(key);
      if (!e) {
        map.set(key, (e = { key, q, v, at: -Infinity, refs: new Set(), ls: new Set() }));
        gc(e);
      }
      return e;
    },
    /** Tells every watcher of e its current state; one that throws does not stop the others nor fail the fetch. */
    notify(e: Entry) {
      const s = state(e);
      for (const l of [...e.ls])
        try {
          l(s);
        } catch (x) {
          console.error('nexus client: a query watcher threw', x);
        }
    },
  };
}
