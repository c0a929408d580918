// Derives the router's client-facing API schema from the product subgraph's
// federation SDL, so codegen types operations against what the storefront can
// send: the router prints no API schema (`router help` has no such command),
// and the subgraph SDL carries federation-only syntax (`extend schema @link`,
// @key, @shareable, @requiresScopes, @composeDirective, @resumable) that is
// not part of the API. Usage: node scripts/schema.mjs [out] (default
// src/gql/schema.graphql). Exported for the codegen config and the check.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, buildASTSchema, parse, printSchema, visit } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
/** The subgraph SDL this script reads (repository root/schema/subgraphs). */
export const SUBGRAPH_SDL = resolve(here, '../../../schema/subgraphs/product.graphqls');

/** Returns the API schema SDL: federation directives, their definitions and the schema extension removed, printed canonically. */
export function apiSchemaSDL(path = SUBGRAPH_SDL) {
  const doc = parse(readFileSync(path, 'utf8'));
  const stripped = visit(doc, {
    [Kind.SCHEMA_EXTENSION]: () => null,
    [Kind.SCHEMA_DEFINITION]: () => null,
    [Kind.DIRECTIVE_DEFINITION]: () => null,
    [Kind.DIRECTIVE]: (node) => (node.name.value === 'deprecated' || node.name.value === 'specifiedBy' || node.name.value === 'oneOf' ? undefined : null),
  });
  return printSchema(buildASTSchema(stripped)) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.cwd(), process.argv[2] ?? 'src/gql/schema.graphql');
  writeFileSync(out, apiSchemaSDL());
}
