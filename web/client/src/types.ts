import type { EventBus } from './bus.ts';
import type { Document } from './document.ts';
import type { NexusError } from './error.ts';
import type { Inflight } from './inflight.ts';

/** Everything createClient can be configured with; every field has a default. */
export interface ClientOptions {
  /** GraphQL endpoint; default '/graphql'. */
  url?: string;
  /** Transport; default the global fetch (tests inject a fake). */
  fetch?: typeof fetch;
  /** Clock and jitter seams; defaults Date.now, setTimeout, clearTimeout, Math.random. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (h: unknown) => void;
  random?: () => number;
  /** How long a result is fresh (served without a request); default 5 min. */
  staleTime?: number;
  /** How long an unwatched result stays cached; default 10 min. */
  gcTime?: number;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** Per-attempt timeout in ms; default 15 s. */
  timeout?: number;
  /** Refetch watched stale queries on window focus / when back online; default true. */
  refetchOnFocus?: boolean;
  refetchOnReconnect?: boolean;
  /** Bearer token for every request (none when it returns nothing). */
  token?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Called once on UNAUTHENTICATED / 401; true → the request is sent once more. */
  refresh?: () => Promise<boolean>;
  /** Automatic persisted queries; default false. */
  persisted?: boolean;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** The event bus; default createBus(). */
  bus?: EventBus;
  /** Every operation that finally failed (after retries, never 'aborted'): the shell's toast. */
  onError?: (error: NexusError, op: { kind: 'query' | 'mutation'; name?: string }) => void;
}

/** Per-query options. */
export interface QueryOptions {
  staleTime?: number;
  signal?: AbortSignal;
  /** Ignore a fresh cached result and fetch. */
  force?: boolean;
}

/** Per-mutation options. */
export interface MutateOptions {
  signal?: AbortSignal;
  /** Sent as the Idempotency-Key header; only then are mutations retried. */
  idempotencyKey?: string;
}

/** What a watcher sees: data (possibly stale), the last error, and whether a fetch runs. */
export interface QueryState<D> {
  data?: D;
  error?: NexusError;
  /** No data yet and fetching. */
  loading: boolean;
  fetching: boolean;
  stale: boolean;
}

/** The client every microfrontend shares (one instance per page). */
export interface Client {
  query<D, V>(doc: Document<D, V>, variables?: V, opts?: QueryOptions): Promise<D>;
  mutate<D, V>(doc: Document<D, V>, variables?: V, opts?: MutateOptions): Promise<D>;
  watch<D, V>(doc: Document<D, V>, variables: V | undefined, listener: (s: QueryState<D>) => void, opts?: QueryOptions): () => void;
  invalidate(typename: string, id?: string): void;
  /** Refetch every watched query and drop the rest (a resumed event stream whose cursor expired, a logout). */
  invalidateAll(): void;
  readonly inflight: Inflight;
  readonly bus: EventBus;
  dispose(): void;
}
