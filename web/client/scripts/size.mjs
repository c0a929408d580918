// Bundles each entry of @nexus/client the way an app would (esbuild: ESM,
// minified, tree-shaken, browser), gzips it at level 9 and prints the size;
// fails when the core entry is over its 5 KB budget. Writes dist/size.json.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 5 * 1024;
const entries = [
  { name: 'core', file: 'src/index.ts', external: [] },
  { name: 'react', file: 'src/react.ts', external: ['react', 'react/jsx-runtime'] },
  { name: 'ws', file: 'src/ws.ts', external: ['graphql-ws'] },
  { name: 'session', file: 'src/session.ts', external: [] },
];

const out = {};
for (const e of entries) {
  const r = await build({
    entryPoints: [join(root, e.file)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    treeShaking: true,
    write: false,
    external: e.external,
    logLevel: 'error',
  });
  const code = r.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  out[e.name] = { min: code.length, gzip: gz };
  const kb = (gz / 1024).toFixed(2);
  const note = e.name === 'core' ? ` (limit ${LIMIT / 1024} KB)` : e.external.length ? ` (${e.external.join(', ')} external)` : '';
  console.log(`client ${e.name}: ${kb} KB min+gzip${note}`);
}
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/size.json'), JSON.stringify({ limit: LIMIT, ...out }, null, 2) + '\n');
if (out.core.gzip > LIMIT) {
  console.error(`client core is ${out.core.gzip} bytes min+gzip, over the ${LIMIT}-byte budget`);
  process.exit(1);
}
