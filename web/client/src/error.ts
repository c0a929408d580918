import { isObj } from './document.ts';

/** One entry of a GraphQL `errors` array, normalised (message always a string). */
export interface GraphQLErrorItem {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/** Where a failure came from; the UI maps it to offline / 4xx / 5xx behaviour. */
export type ErrorKind = 'network' | 'timeout' | 'http' | 'graphql' | 'aborted';

/**
 * The one error type every operation rejects with, so the UI handles network
 * failures, HTTP statuses and GraphQL errors in one place: `code` is the
 * first error's `extensions.code`, `field` the first `extensions.field`
 * (form validation), `retryAfter` the server's Retry-After in ms.
 */
export class NexusError extends Error {
  code?: string;
  field?: string;
  constructor(
    public kind: ErrorKind,
    message: string,
    public errors: ReadonlyArray<GraphQLErrorItem> = [],
    public status?: number,
    public retryAfter?: number,
  ) {
    super(message);
    this.name = 'NexusError';
    const x = errors[0]?.extensions?.code;
    if (typeof x == 'string') this.code = x;
    for (const e of errors) {
      const f = e.extensions?.field;
      if (typeof f == 'string') {
        this.field = f;
        break;
      }
    }
  }

  /** Network failures, timeouts, 429 and 5xx may succeed when sent again; nothing else does. */
  get retryable(): boolean {
    const s = this.status ?? 0;
    return this.kind == 'network' || this.kind == 'timeout' || (this.kind == 'http' && (s == 429 || s > 499));
  }
}

/** Normalises whatever a server put in `errors` (hostile bodies included) into GraphQLErrorItems. */
export const toErrors = (x: unknown): GraphQLErrorItem[] =>
  Array.isArray(x)
    ? x.map((e) => {
        const o = isObj(e) ? e : {};
        const r: GraphQLErrorItem = { message: typeof o.message == 'string' ? o.message : 'Unknown error' };
        if (Array.isArray(o.path)) r.path = o.path.filter((p) => typeof p == 'string' || typeof p == 'number');
        if (isObj(o.extensions)) r.extensions = o.extensions;
        return r;
      })
    : [];

/** A NexusError for errors that came back with a 200: never retried. */
export const graphqlError = (errors: GraphQLErrorItem[]): NexusError =>
  new NexusError('graphql', errors[0]?.message ?? 'GraphQL error', errors);
