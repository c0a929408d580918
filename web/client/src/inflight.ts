/** The global in-flight counter: how many operations are running (the shell's loading bar). */
export interface Inflight {
  readonly count: number;
  subscribe(listener: (count: number) => void): () => void;
}

/**
 * A counter plus `track`, which counts an operation from its start until it
 * settles (retries and their waits included).
 */
export function createInflight(): Inflight & { track<T>(p: () => Promise<T>): Promise<T> } {
  const ls = new Set<(n: number) => void>();
  let n = 0;
  const set = (d: number) => {
    n += d;
    for (const l of [...ls]) l(n);
  };
  return {
    get count() {
      return n;
    },
    subscribe(l) {
      ls.add(l);
      return () => void ls.delete(l);
    },
    async track(p) {
      set(1);
      try {
        return await p();
      } finally {
        set(-1);
      }
    },
  };
}
