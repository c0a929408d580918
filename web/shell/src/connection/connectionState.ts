/** Status of the page's one WebSocket, as @nexus/client/ws reports it. */
export type SocketStatus = 'connecting' | 'open' | 'closed';

/** What the shell knows about connectivity. */
export interface ConnectionFacts {
  /** navigator.onLine */
  online: boolean;
  socket: SocketStatus;
  /** The socket was open at least once on this page (a first 'connecting' is not an outage). */
  wasOpen: boolean;
  /** The last API failure was a network error or timeout and nothing has been reachable since. */
  apiUnreachable: boolean;
}

/** Which banner to show: none, the browser is offline, or the server connection was lost. */
export type ConnectionProblem = 'offline' | 'reconnecting' | null;

/** Decides the offline banner from the facts; pure so every combination is testable. */
export function connectionProblem(f: ConnectionFacts): ConnectionProblem {
  if (!f.online) return 'offline';
  if (f.socket === 'open') return null;
  if (f.wasOpen || f.apiUnreachable) return 'reconnecting';
  return null;
}

/** A small observable holder of {@link ConnectionFacts}, fed by window events, the socket and the client's onError. */
export interface ConnectionStore {
  get(): ConnectionFacts;
  update(patch: Partial<ConnectionFacts>): void;
  subscribe(listener: () => void): () => void;
}

/** Creates the page's connection store. */
export function createConnectionStore(initial: ConnectionFacts): ConnectionStore {
  let facts = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => facts,
    update(patch) {
      const next = { ...facts, ...patch };
      if (next.socket === 'open') {
        next.wasOpen = true;
        next.apiUnreachable = false;
      }
      if (Object.entries(next).every(([k, v]) => facts[k as keyof ConnectionFacts] === v)) return;
      facts = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
