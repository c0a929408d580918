// What a browser-test file uses: the stack the global setup started, one
// Chromium per file (closed after it), fresh pages, admin GraphQL, axe and
// a screenshot in web/e2e/artifacts for every failed test.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, inject, onTestFailed } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { ADMIN, gql, signInAPI, type GraphQLError } from './accounts.ts';
import { artifacts } from './processes.ts';
import type { StackInfo } from './stackInfo.ts';

export type { GraphQLError } from './accounts.ts';

/** The running stack (origin, admin token, ...). */
export const stack: StackInfo = inject('stack');

/** True when Chromium is missing and not required: browser tests skip (make test requires it). */
export const noBrowser = stack.chromium === '';

let shared: Promise<Browser> | undefined;

/** This file's Chromium, launched on first use. */
export function browser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: stack.chromium, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return shared;
}

afterAll(async () => {
  if (shared) await (await shared).close();
});

/** Options for page(): viewport, colour scheme, another origin (a test's own router). */
export interface PageOptions extends BrowserContextOptions {
  origin?: string;
}

/**
 * A page in a fresh browser context (no cache, no storage) at the stack's
 * origin; a failing test leaves a screenshot of it in web/e2e/artifacts.
 */
export async function page(opts: PageOptions = {}): Promise<Page> {
  const { origin = stack.origin, ...ctxOpts } = opts;
  const ctx = await (await browser()).newContext({ baseURL: origin, viewport: { width: 1280, height: 900 }, ...ctxOpts });
  const p = await ctx.newPage();
  const name = (expect.getState().currentTestName ?? 'test').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
  onTestFailed(async () => {
    mkdirSync(artifacts, { recursive: true });
    await p.screenshot({ path: join(artifacts, `${name}-${Date.now()}.png`), fullPage: true }).catch(() => undefined);
  });
  return p;
}

let adminToken = stack.adminToken;

/** Runs an operation through the router as the seeded admin (edits products like an admin would); signs in again when the token expired; throws on errors. */
export async function adminGraphQL<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  try {
    return await gql<T>(stack.origin, query, variables, adminToken);
  } catch (e) {
    if (!(e as { errors?: GraphQLError[] }).errors?.some((x) => x.extensions?.code === 'UNAUTHENTICATED') && !/GraphQL 401/.test(String(e))) throw e;
    adminToken = (await signInAPI(stack.origin, ADMIN.email, ADMIN.password)).accessToken;
    return gql<T>(stack.origin, query, variables, adminToken);
  }
}

/** One axe-core finding. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (WCAG 2.x A/AA rules) and returns the serious and critical violations; `within` (a CSS selector) checks one part of the page only. */
export async function axe(p: Page, within?: string): Promise<AxeViolation[]> {
  // evaluate, not a script tag: the storefront's CSP refuses inline scripts.
  await p.evaluate(axeSource);
  const violations = await p.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run(ctx: Document | { include: string[] }, o: object): Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(sel ? { include: [sel] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, within);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Collects Content-Security-Policy refusals the page logs (the router's CSP must not break the storefront). */
export function cspViolations(p: Page): string[] {
  const seen: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}
