// The router serves the built storefront (router/internal/web) as a
// browser sees it: entry points revalidated, hashed assets immutable and
// gzipped, app routes answered with index.html, missing assets 404, and a
// CSP under which the storefront boots without a refusal.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cspViolations, noBrowser, page, stack } from '../src/harness.ts';

describe('storefront serving', () => {
  test('entry points: index.html and the remote manifest are no-cache, app routes fall back to index.html', async () => {
    const index = await fetch(`${stack.origin}/`, { headers: { Accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();

    const route = await fetch(`${stack.origin}/products/some-product`, { headers: { Accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(html);

    const manifest = await fetch(`${stack.origin}/mfe/manifest.json`);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    // every remote workspace (package.json nexus.remote) that make web built, under /mfe/<name>/
    expect(await manifest.json()).toEqual(Object.fromEntries(builtRemotes().map((n) => [n, `/mfe/${n}/remoteEntry.js`])));

    const missing = await fetch(`${stack.origin}/assets/missing-0000.js`, { headers: { Accept: 'text/html,*/*' } });
    expect(missing.status).toBe(404);
  });

  test('hashed assets are immutable, gzip-encoded and revalidate by ETag', async () => {
    const html = await (await fetch(`${stack.origin}/`)).text();
    const src = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(src, 'index.html loads a script').toBeTruthy();
    const res = await fetch(`${stack.origin}${src}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag') ?? '';
    const again = await fetch(`${stack.origin}${src}`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  test.skipIf(noBrowser)('the storefront boots under the router CSP without refusals', async () => {
    const p = await page();
    const refused = cspViolations(p);
    await p.goto('/');
    await p.waitForURL(/\/products/);
    await expect.poll(() => p.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    expect(refused).toEqual([]);
    await p.context().close();
  });
});

/** The remotes scripts/web.sh builds: web/<dir> with nexus.remote in its package.json and a build in web/dist/mfe. */
function builtRemotes(): string[] {
  const web = join(stack.root, 'web');
  return readdirSync(web)
    .flatMap((d) => {
      try {
        const r = (JSON.parse(readFileSync(join(web, d, 'package.json'), 'utf8')) as { nexus?: { remote?: string } }).nexus?.remote;
        return r && existsSync(join(web, 'dist/mfe', r, 'remoteEntry.js')) ? [r] : [];
      } catch {
        return [];
      }
    })
    .sort();
}
