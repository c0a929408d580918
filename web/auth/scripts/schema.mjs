// Derives the router's client-facing API schema from the subgraph SDLs the
// storefront talks to (product, auth, customer), so codegen types this
// remote's operations against what the router serves. The router prints no
// API schema, and each subgraph SDL carries federation-only syntax
// (`extend schema @link`, @key, @shareable, @authenticated, ...) and shares
// types with the others (User is owned by auth and extended by customer,
// PageInfo is @shareable, Product is a stub in customer). So: strip the
// federation syntax, then merge the definitions by name — the fields of
// object and input types and the values of enums are united (the first
// definition of a field wins), every other type is taken once. Usage:
// node scripts/schema.mjs [out] (default src/gql/schema.graphql).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, buildASTSchema, lexicographicSortSchema, parse, printSchema, visit } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
/** The subgraph SDLs this script reads (repository root/schema/subgraphs). */
export const SUBGRAPH_SDLS = ['product', 'auth', 'customer'].map((n) => resolve(here, `../../../schema/subgraphs/${n}.graphqls`));

const KEEP = new Set(['deprecated', 'specifiedBy', 'oneOf']);
const MERGED = { [Kind.OBJECT_TYPE_DEFINITION]: 'fields', [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'fields', [Kind.ENUM_TYPE_DEFINITION]: 'values', [Kind.INTERFACE_TYPE_DEFINITION]: 'fields' };

/** Returns the merged API schema SDL, printed canonically (types sorted by name, so subgraph order does not matter). */
export function apiSchemaSDL(paths = SUBGRAPH_SDLS) {
  const byName = new Map();
  for (const path of paths) {
    const doc = visit(parse(readFileSync(path, 'utf8')), {
      [Kind.SCHEMA_EXTENSION]: () => null,
      [Kind.SCHEMA_DEFINITION]: () => null,
      [Kind.DIRECTIVE_DEFINITION]: () => null,
      [Kind.DIRECTIVE]: (node) => (KEEP.has(node.name.value) ? undefined : null),
    });
    for (const def of doc.definitions) {
      const name = def.name?.value;
      const prev = byName.get(name);
      const key = MERGED[def.kind];
      if (!prev) byName.set(name, def);
      else if (key && prev.kind === def.kind) {
        const seen = new Set(prev[key].map((f) => f.name.value));
        byName.set(name, { ...prev, [key]: [...prev[key], ...def[key].filter((f) => !seen.has(f.name.value))] });
      } else if (prev.kind !== def.kind) throw new Error(`${path}: ${name} is a ${def.kind} here and a ${prev.kind} elsewhere`);
    }
  }
  const schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions: [...byName.values()] });
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.cwd(), process.argv[2] ?? 'src/gql/schema.graphql');
  writeFileSync(out, apiSchemaSDL());
}
