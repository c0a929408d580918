// Derives the router's client-facing API schema from subgraph federation
// SDLs, so codegen types operations against what the storefront can send:
// the router prints no API schema (`router help` has no such command), and
// the subgraph SDL carries federation-only syntax (`extend schema @link`,
// @key, @shareable, @requiresScopes, @composeDirective, @resumable) that is
// not part of the API. Several subgraphs are merged the way composition
// does for the client: a type defined by more than one (User by auth and
// customer, Product by product and customer) gets the union of their fields,
// the first definition of a field or description wins. The product remote
// reads product + customer (the wishlist button); other remotes import
// apiSchemaSDL with their own list. Usage: node scripts/schema.mjs [out]
// (default src/gql/schema.graphql). Exported for the codegen config and the check.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, buildASTSchema, parse, printSchema, visit } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the subgraph SDLs live (repository root/schema/subgraphs). */
export const SUBGRAPHS_DIR = resolve(here, '../../../schema/subgraphs');
/** The subgraph SDL of one domain. */
export const subgraphSDL = (name) => resolve(SUBGRAPHS_DIR, `${name}.graphqls`);
/** The product remote's subgraphs: the catalog, and customer for the wishlist button. */
export const PRODUCT_SUBGRAPHS = ['product', 'customer'];

const KEEP = new Set(['deprecated', 'specifiedBy', 'oneOf']);
const MERGED = new Set([Kind.OBJECT_TYPE_DEFINITION, Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION]);

/** One SDL without federation syntax: no schema extension or definition, no directive definitions, only standard directives. */
function stripFederation(sdl) {
  return visit(parse(sdl), {
    [Kind.SCHEMA_EXTENSION]: () => null,
    [Kind.SCHEMA_DEFINITION]: () => null,
    [Kind.DIRECTIVE_DEFINITION]: () => null,
    [Kind.DIRECTIVE]: (node) => (KEEP.has(node.name.value) ? undefined : null),
  });
}

/** Merges type definitions by name: fields (or enum values, union members) are united, the first occurrence wins. */
function mergeDefinitions(docs) {
  const byName = new Map();
  for (const doc of docs) {
    for (const def of doc.definitions) {
      const name = def.name.value;
      const prev = byName.get(name);
      if (!prev) {
        byName.set(name, def);
        continue;
      }
      if (prev.kind !== def.kind) throw new Error(`schema.mjs: ${name} is a ${prev.kind} in one subgraph and a ${def.kind} in another`);
      const list = MERGED.has(def.kind) ? 'fields' : def.kind === Kind.ENUM_TYPE_DEFINITION ? 'values' : def.kind === Kind.UNION_TYPE_DEFINITION ? 'types' : null;
      if (!list) continue; // scalars: the first one
      const seen = new Set((prev[list] ?? []).map((f) => f.name.value));
      const extra = (def[list] ?? []).filter((f) => !seen.has(f.name.value));
      byName.set(name, { ...prev, description: prev.description ?? def.description, [list]: [...(prev[list] ?? []), ...extra] });
    }
  }
  return { kind: Kind.DOCUMENT, definitions: [...byName.values()] };
}

/** Returns the API schema SDL of the given subgraph SDL files merged, printed canonically. */
export function apiSchemaSDL(paths = PRODUCT_SUBGRAPHS.map(subgraphSDL)) {
  const list = Array.isArray(paths) ? paths : [paths];
  const doc = mergeDefinitions(list.map((p) => stripFederation(readFileSync(p, 'utf8'))));
  return printSchema(buildASTSchema(doc)) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.cwd(), process.argv[2] ?? 'src/gql/schema.graphql');
  writeFileSync(out, apiSchemaSDL());
}
