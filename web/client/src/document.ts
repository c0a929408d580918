/**
 * A GraphQL document typed with its result and variables; structurally the
 * same as graphql-codegen's client-preset `TypedDocumentString`
 * (documentMode: 'string'), so generated documents pass straight in.
 */
export interface TypedDocument<TData, TVars> extends String {
  __apiType?: (variables: TVars) => TData;
}

/** What every operation accepts: plain text or a typed document. */
export type Document<D = unknown, V = Record<string, unknown>> = string | TypedDocument<D, V>;

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` share one cache entry. */
export const stable = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x == 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/** The operation's name, for error reports (`onError`) and GET URLs. */
export const opName = (text: string): string | undefined =>
  /\b(?:query|mutation)\s+(\w+)/.exec(text)?.[1];

/** True for a non-null, non-array object: the only JSON shape we index. */
export const isObj = (x: unknown): x is Record<string, unknown> =>
  !!x && typeof x == 'object' && !Array.isArray(x);
