// Boots ONE stack for the whole browser-test run and tears it down after:
// a throwaway database e2e_<random> on DATABASE_URL's server, Mailpit (the
// mailbox the auth service sends to), the product subgraph (migrate + seed +
// serve), the auth subgraph (migrate + seed: the development admin and
// shopper; serve, with mail links to the router's origin), the customer
// subgraph (migrate + serve) and the router serving web/dist through
// router/router.yaml (the real config, its ${VAR}s pointed at this stack:
// subgraph URLs, the auth service's JWKS and revocation feed). Every port is
// a free one the OS picked. The admin token comes from signing in as the
// seeded admin through the router, as a shop owner would.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, run, startService, stopService, waitReady, type Service } from './processes.ts';
import { findChromium } from './chromium.ts';
import { ADMIN, gql, signInAPI } from './accounts.ts';
import type { StackInfo } from './stackInfo.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const services: Service[] = [];
let dropDatabase: (() => Promise<void>) | undefined;

/** Starts the stack and provides its StackInfo to the test files. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = findChromium();
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run `make test-web` (it starts PostgreSQL) or source .data/db.env');
  for (const f of ['bin/product', 'bin/auth', 'bin/customer', 'bin/mailpit', 'bin/router', 'web/dist/index.html']) {
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

  const [productPort, authPort, customerPort, routerPort, smtpPort, mailpitPort] = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const origin = `http://127.0.0.1:${routerPort}`;
  const productURL = `http://127.0.0.1:${productPort}/graphql`;
  const authOrigin = `http://127.0.0.1:${authPort}`;
  const mailpitURL = `http://127.0.0.1:${mailpitPort}`;
  const secrets = { NEXUS_ROUTER_SECRET: randomBytes(32).toString('hex') };
  const common = { ...secrets, DATABASE_URL: databaseURL, NEXUS_MODE: 'development' };

  const mailpit = startService('mailpit', join(root, 'bin/mailpit'), ['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${mailpitPort}`, '--disable-version-check'], {}, root);
  services.push(mailpit);

  const productEnv = { ...common, HTTP_ADDR: `127.0.0.1:${productPort}`, PUBLIC_URL: origin };
  await run(join(root, 'bin/product'), ['migrate'], productEnv, root);
  await run(join(root, 'bin/product'), ['seed'], productEnv, root);
  const product = startService('product', join(root, 'bin/product'), ['serve'], productEnv, root);
  services.push(product);

  const authEnv = { ...common, HTTP_ADDR: `127.0.0.1:${authPort}`, PUBLIC_URL: origin, SMTP_ADDR: `127.0.0.1:${smtpPort}`, SMTP_TLS: 'off' };
  await run(join(root, 'bin/auth'), ['migrate'], authEnv, root);
  await run(join(root, 'bin/auth'), ['seed'], authEnv, root);
  const auth = startService('auth', join(root, 'bin/auth'), ['serve'], authEnv, root);
  services.push(auth);

  const customerEnv = { ...common, HTTP_ADDR: `127.0.0.1:${customerPort}` };
  await run(join(root, 'bin/customer'), ['migrate'], customerEnv, root);
  const customer = startService('customer', join(root, 'bin/customer'), ['serve'], customerEnv, root);
  services.push(customer);

  await Promise.all([
    waitReady(`${mailpitURL}/readyz`, mailpit),
    waitReady(`http://127.0.0.1:${productPort}/readyz`, product),
    waitReady(`${authOrigin}/readyz`, auth),
    waitReady(`http://127.0.0.1:${customerPort}/readyz`, customer),
  ]);

  const routerEnv = {
    ...secrets,
    PRODUCT_URL: productURL,
    AUTH_URL: `${authOrigin}/graphql`,
    CUSTOMER_URL: `http://127.0.0.1:${customerPort}/graphql`,
    AUTH_JWKS_URL: `${authOrigin}/.well-known/jwks.json`,
    AUTH_REVOCATIONS_URL: `${authOrigin}/revocations`,
    NEXUS_WEB_DIR: join(root, 'web/dist'),
    ROUTER_MODE: 'development',
  };
  const router = startService('router', join(root, 'bin/router'), ['serve', '--config', 'router/router.yaml', '--listen', `127.0.0.1:${routerPort}`], routerEnv, root);
  services.push(router);
  await waitReady(`${origin}/readyz`, router);
  const adminToken = (await signInAPI(origin, ADMIN.email, ADMIN.password)).accessToken;
  await tokensAccepted(origin, adminToken, router);

  const info: StackInfo = { origin, productURL, adminToken, mailpitURL, chromium, root, routerEnv };
  project.provide('stack', info);
  return teardown;
}

/**
 * Waits until the router accepts access tokens: it refuses every token (401) until it has loaded the auth
 * service's JWKS and the first state of its revocation feed, which happens shortly after it is ready.
 */
async function tokensAccepted(origin: string, token: string, router: Service, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await gql(origin, '{ me { id } }', {}, token);
      return;
    } catch (e) {
      if (router.proc.exitCode !== null) throw new Error(`router exited; see ${router.log}`);
      if (Date.now() > deadline) throw new Error(`the router still refuses the admin's token after ${timeoutMs} ms: ${String(e)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops what setup started (router first) and drops the database. */
async function teardown(): Promise<void> {
  for (const s of services.reverse()) await stopService(s);
  await dropDatabase?.();
}
