// Boots ONE stack for the whole browser-test run and tears it down after:
// a throwaway database e2e_<random> on DATABASE_URL's server, the product
// subgraph (migrate + seed + serve) and the router serving web/dist through
// router/router.yaml (the real config, its ${VAR}s pointed at this stack).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, run, startService, stopService, waitReady, type Service } from './processes.ts';
import { findChromium } from './chromium.ts';
import type { StackInfo } from './stackInfo.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const services: Service[] = [];
let dropDatabase: (() => Promise<void>) | undefined;

/** Starts the stack and provides its StackInfo to the test files. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = findChromium();
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run `make test-web` (it starts PostgreSQL) or source .data/db.env');
  for (const f of ['bin/product', 'bin/router', 'web/dist/index.html']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run \`make build web\` (make test-web does)`);
  }

  const db = `${process.env.E2E_DB_PREFIX ?? 'e2e_'}${randomBytes(6).toString('hex')}`;
  await run('psql', [base, '-qAtc', `CREATE DATABASE ${db}`], {}, root);
  dropDatabase = async () => {
    await run('psql', [base, '-qAtc', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`], {}, root);
  };
  const url = new URL(base);
  url.pathname = `/${db}`;
  const databaseURL = url.toString();

  const [productPort, routerPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${routerPort}`;
  const productURL = `http://127.0.0.1:${productPort}/graphql`;
  const secrets = { NEXUS_ROUTER_SECRET: randomBytes(32).toString('hex'), NEXUS_DEV_JWT_SECRET: randomBytes(32).toString('hex') };
  const productEnv = { ...secrets, DATABASE_URL: databaseURL, HTTP_ADDR: `127.0.0.1:${productPort}`, PUBLIC_URL: origin, NEXUS_MODE: 'development' };
  await run(join(root, 'bin/product'), ['migrate'], productEnv, root);
  await run(join(root, 'bin/product'), ['seed'], productEnv, root);
  const product = startService('product', join(root, 'bin/product'), ['serve'], productEnv, root);
  services.push(product);
  await waitReady(`http://127.0.0.1:${productPort}/readyz`, product);

  const routerEnv = { ...secrets, PRODUCT_URL: productURL, NEXUS_WEB_DIR: join(root, 'web/dist'), ROUTER_MODE: 'development' };
  const router = startService('router', join(root, 'bin/router'), ['serve', '--config', 'router/router.yaml', '--listen', `127.0.0.1:${routerPort}`], routerEnv, root);
  services.push(router);
  await waitReady(`${origin}/readyz`, router);
  const adminToken = (await run(join(root, 'bin/router'), ['dev-token', '--sub', 'e2e', '--scope', 'admin'], routerEnv, root)).trim();

  const info: StackInfo = { origin, productURL, adminToken, chromium, root, routerEnv };
  project.provide('stack', info);
  return teardown;
}

/** Stops what setup started (router first) and drops the database. */
async function teardown(): Promise<void> {
  for (const s of services.reverse()) await stopService(s);
  await dropDatabase?.();
}
