import type { ClientOptions, QueryState } from './types.ts';

/**
 * Where a client keeps what its sibling entries (ws) need but the public API
 * should not show: the token provider. Symbol.for, so it survives two copies
 * of the module.
 */
export const INTERNAL: unique symbol = Symbol.for('nexus.client') as never;

/** The internal part of a client. */
export interface Internal {
  token?: ClientOptions['token'];
  /** The cached state of a query without watching it (React's first render). */
  peek(q: string, v: unknown): QueryState<unknown> | undefined;
}

/** The internal part of a client made by createClient (undefined for a stand-in). */
export const internal = (c: object): Internal | undefined => (c as { [INTERNAL]?: Internal })[INTERNAL];
