import { NexusError } from './error.ts';
import type { Payload, Result } from './transport.ts';

const hashes = new Map<string, Promise<string>>();

/** Hex sha256 of a query (WebCrypto), computed once per text. */
export const sha256 = (s: string): Promise<string> => {
  let h = hashes.get(s);
  if (!h)
    hashes.set(
      s,
      (h = crypto.subtle
        .digest('SHA-256', new TextEncoder().encode(s))
        .then((b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join(''))),
    );
  return h;
};

const unknownHash = (errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>) =>
  errors.some((e) => /^PERSISTED_QUERY_NOT_(FOUND|SUPPORTED)$/.test(String(e.extensions?.code)) || /^PersistedQueryNot/.test(e.message));

/**
 * Apollo's automatic persisted queries, as the router implements them:
 * first only `extensions.persistedQuery {version: 1, sha256Hash}` (a GET
 * for queries, so caches can keep it; a POST for mutations); when the
 * router answers PERSISTED_QUERY_NOT_FOUND (a 200), the full query with its
 * hash as a POST, which registers it.
 */
export async function persisted(
  send: (p: Payload, get: boolean) => Promise<Result>,
  p: Payload & { query: string },
  mutation: boolean,
): Promise<Result> {
  // WebCrypto exists only in secure contexts (https, localhost): elsewhere send the query itself.
  if (!globalThis.crypto?.subtle) return send(p, false);
  const extensions = { persistedQuery: { version: 1, sha256Hash: await sha256(p.query) } };
  try {
    const r = await send({ ...p, query: undefined, extensions }, !mutation);
    if (!unknownHash(r.errors)) return r;
  } catch (e) {
    if (!(e instanceof NexusError && unknownHash(e.errors))) throw e;
  }
  return send({ ...p, extensions }, false);
}
