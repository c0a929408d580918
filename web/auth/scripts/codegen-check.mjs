// CI guard (npm run codegen:check): regenerates the API schema and the typed
// documents into a temporary directory and fails when they differ from the
// committed src/gql/, the way `make compose` guards the supergraph — so a
// schema or .graphql change without a fresh `npm run codegen` cannot land.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { schemaSDL } from './schema.mjs';

const committed = 'src/gql';
const tmp = mkdtempSync(join(tmpdir(), 'nexus-auth-gql-'));
let stale = [];
try {
  const schema = schemaSDL();
  if (schema !== readFileSync(join(committed, 'schema.graphql'), 'utf8')) stale.push('schema.graphql');
  writeFileSync(join(tmp, 'schema.graphql'), schema);
  process.env.CODEGEN_OUT = `${tmp}/`;
  const { default: config } = await import('../codegen.mjs');
  await generate({ ...config, cwd: process.cwd() }, true);
  const names = new Set([...readdirSync(committed), ...readdirSync(tmp)]);
  for (const name of names) {
    let a = null, b = null;
    try { a = readFileSync(join(committed, name), 'utf8'); } catch { /* missing */ }
    try { b = readFileSync(join(tmp, name), 'utf8'); } catch { /* missing */ }
    if (a !== b && !stale.includes(name)) stale.push(name);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (stale.length > 0) {
  console.error(`codegen:check: src/gql is stale (${stale.join(', ')}); run \`npm run codegen -w @nexus/auth\` and commit the result`);
  process.exit(1);
}
console.log('codegen:check: src/gql is up to date');
