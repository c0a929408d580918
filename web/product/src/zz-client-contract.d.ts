// TEMPORARY (not committed): the @nexus/client contract as ambient types until web/client lands.
declare module '@nexus/client' {
  export interface TypedDocument<TData, TVars> extends String { __apiType?: (variables: TVars) => TData }
  export type Document<D = unknown, V = Record<string, unknown>> = string | TypedDocument<D, V>;
  export interface QueryOptions { staleTime?: number; signal?: AbortSignal; force?: boolean }
  export interface QueryState<D> { data?: D; error?: NexusError; loading: boolean; fetching: boolean; stale: boolean }
  export class NexusError extends Error { kind: 'network' | 'timeout' | 'http' | 'graphql' | 'aborted'; code?: string }
  export interface AppEvents { 'product:viewed': { productId: string } }
  export type EventName = keyof AppEvents;
  export interface EventBus { emit<K extends EventName>(name: K, data: AppEvents[K]): void }
  export interface Client {
    watch<D, V>(doc: Document<D, V>, variables: V | undefined, listener: (s: QueryState<D>) => void, opts?: QueryOptions): () => void;
    readonly bus: EventBus;
  }
  export function createClient(opts?: {}): Client;
}
declare module '@nexus/client/react' {
  import type { Client, Document, QueryOptions, QueryState } from '@nexus/client';
  export function ClientProvider(props: { client: Client; children?: React.ReactNode }): React.JSX.Element;
  export function useClient(): Client;
  export function useQuery<D, V>(doc: Document<D, V>, variables?: V, opts?: QueryOptions & { enabled?: boolean }): QueryState<D> & { refetch(): void };
}
declare module '@nexus/client/ws' {
  import type { Client } from '@nexus/client';
  export interface Events { dispose(): void }
  export function connectEvents(client: Client): Events;
  export function bridgeCatalogEvents(client: Client, events: Events): () => void;
}
