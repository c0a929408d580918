/** @nexus/client: the thin GraphQL client and the event bus (framework-free). */
export { createClient } from './client.ts';
export { createBus } from './bus.ts';
export type { AppEvents, EventBus, EventMeta, EventName } from './bus.ts';
export { NexusError } from './error.ts';
export { fieldErrors } from './fields.ts';
export type { ErrorKind, GraphQLErrorItem } from './error.ts';
export type { Document, TypedDocument } from './document.ts';
export type { Client, ClientOptions, MutateOptions, QueryOptions, QueryState } from './types.ts';
