import type { ClientOptions } from './types.ts';

/**
 * Where a client keeps what its sibling entries (ws) need but the public API
 * should not show: the token provider. Symbol.for, so it survives two copies
 * of the module.
 */
export const INTERNAL: unique symbol = Symbol.for('nexus.client') as never;

/** The internal part of a client. */
export interface Internal {
  token?: ClientOptions['token'];
}
