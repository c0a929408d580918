/** What the global setup started, handed to every test file through vitest's provide/inject. */
export interface StackInfo {
  /** The router's origin serving web/dist and /graphql, e.g. http://127.0.0.1:24123. */
  origin: string;
  /** The product subgraph's GraphQL endpoint (for a test's own router). */
  productURL: string;
  /** An access token of the seeded admin (admin@nexus.local), signed in through the router at setup; expires after AUTH_ACCESS_TTL (adminGraphQL signs in again). */
  adminToken: string;
  /** Mailpit's web UI and API (`/api/v1/search`, `/api/v1/message/<ID>`), where the auth service's mails land. */
  mailpitURL: string;
  /** Chromium's executable; empty when it is missing and not required (tests skip). */
  chromium: string;
  /** Repository root (absolute). */
  root: string;
  /** Environment the router needs (secret, subgraph URLs, JWKS, revocation feed) to start another instance. */
  routerEnv: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}
