/** What the global setup started, handed to every test file through vitest's provide/inject. */
export interface StackInfo {
  /** The router's origin serving web/dist and /graphql, e.g. http://127.0.0.1:24123. */
  origin: string;
  /** The product subgraph's GraphQL endpoint (for a test's own router). */
  productURL: string;
  /** A development admin JWT (`router dev-token --sub e2e --scope admin`) for mutations through the API. */
  adminToken: string;
  /** Chromium's executable; empty when it is missing and not required (tests skip). */
  chromium: string;
  /** Repository root (absolute). */
  root: string;
  /** Environment the router needs (secrets, database) to start another instance. */
  routerEnv: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}
