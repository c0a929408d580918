// The storefront benchmark (`make bench-web`; not part of make test): the
// catalog page in Chromium with 4× CPU throttling (CDP
// Emulation.setCPUThrottlingRate) on loopback, first visit (fresh context,
// cold cache) and warm visit (same context, second load). Per visit:
//   JS transferred — encoded (gzip) bytes of every script response, from
//     CDP Network.loadingFinished encodedDataLength (0 from the cache);
//   LCP — the last largest-contentful-paint entry (PerformanceObserver);
//   TTI (approximate) — the later of: the first product card's link in the
//     DOM (React committed it with its handlers), and the end of the last
//     long task (≥ 50 ms) before the page settles (network idle + 2 s).
// Median of BENCH_RUNS (default 5) runs; also the @nexus/client core size
// (min+gzip, from web/client's size check: web/client/dist/size.json). Results: the table on stdout and
// web/e2e/artifacts/bench-web.json.
import { test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browser, stack } from '../src/harness.ts';
import { artifacts } from '../src/processes.ts';
import { cards } from '../src/catalog.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLE = 4;

interface Visit {
  /** Script URL path → encoded bytes, for finding what weighs. */
  files: Record<string, number>;
  jsBytes: number;
  jsFiles: number;
  lcp: number;
  tti: number;
}

/** Collects LCP, long tasks and the first card's time in the page from its first script on. */
const probe = () => {
  const w = window as unknown as { __bench: { lcp: number; longTasks: [number, number][]; card: number } };
  w.__bench = { lcp: 0, longTasks: [], card: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__bench.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__bench.longTasks.push([e.startTime, e.startTime + e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    if (!w.__bench.card && document.querySelector('ul[aria-label="Products"] li a[href]')) w.__bench.card = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
};

async function visit(ctx: BrowserContext, p: Page): Promise<Visit> {
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const scripts = new Map<string, string>();
  const files: Record<string, number> = {};
  let jsBytes = 0;
  cdp.on('Network.responseReceived', (e: { requestId: string; type?: string; response: { mimeType: string; url: string } }) => {
    if (e.type === 'Script' || /javascript/.test(e.response.mimeType)) scripts.set(e.requestId, new URL(e.response.url).pathname);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const path = scripts.get(e.requestId);
    if (path === undefined) return;
    jsBytes += e.encodedDataLength;
    files[path] = e.encodedDataLength;
  });
  await p.goto('/products');
  await cards(p).first().waitFor({ timeout: 60_000 });
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(2_000);
  const b = await p.evaluate(() => (window as unknown as { __bench: { lcp: number; longTasks: [number, number][]; card: number } }).__bench);
  await cdp.detach();
  const lastLong = b.longTasks.reduce((m, [, end]) => Math.max(m, end), 0);
  return { files, jsBytes, jsFiles: scripts.size, lcp: b.lcp, tti: Math.max(b.card, lastLong) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The client core's min+gzip bytes, as web/client's size check measured them (dist/size.json, written by make web). */
function clientCore(): number | null {
  const file = join(stack.root, 'web/client/dist/size.json');
  if (!existsSync(file)) return null;
  const size = JSON.parse(readFileSync(file, 'utf8')) as { core?: { gzip?: number } };
  return size.core?.gzip ?? null;
}

test('storefront catalog: cold and warm visits under 4x CPU throttling', { timeout: 600_000 }, async () => {
  const b = await browser();
  const cold: Visit[] = [];
  const warm: Visit[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await b.newContext({ baseURL: stack.origin, viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(probe);
    cold.push(await visit(ctx, await ctx.newPage()));
    warm.push(await visit(ctx, await ctx.newPage()));
    await ctx.close();
  }
  const row = (name: string, v: Visit[]) => ({
    visit: name,
    'JS transferred (KB gzip)': +(median(v.map((x) => x.jsBytes)) / 1024).toFixed(1),
    'JS files': median(v.map((x) => x.jsFiles)),
    'LCP (ms)': Math.round(median(v.map((x) => x.lcp))),
    'TTI approx (ms)': Math.round(median(v.map((x) => x.tti))),
  });
  const rows = [row('first (cold cache)', cold), row('warm (cached)', warm)];
  const core = clientCore();
  console.log(`\nStorefront /products, Chromium, ${THROTTLE}x CPU throttling, loopback, median of ${RUNS}`);
  console.table(rows);
  console.log(`@nexus/client core: ${core === null ? 'not built' : `${(core / 1024).toFixed(2)} KB min+gzip`}`);
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, 'bench-web.json'), JSON.stringify({ throttle: THROTTLE, runs: RUNS, rows, clientCoreGzipBytes: core, cold, warm }, null, 2));
});
