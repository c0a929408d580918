// The router going away under an open page: the shell says the connection
// is lost and offers a retry; when the router is back the page recovers.
// This file stops and starts a router of its own (src/privateRouter.ts) on
// another port, so the files running in parallel keep theirs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { noBrowser, page } from '../src/harness.ts';
import { privateRouter, type PrivateRouter } from '../src/privateRouter.ts';
import { cards } from '../src/catalog.ts';

let router: PrivateRouter | undefined;
beforeAll(async () => {
  if (!noBrowser) router = await privateRouter();
});
afterAll(async () => {
  await router?.stopRouter();
});

describe.skipIf(noBrowser)('router down', () => {
  test('offline message with "Retry now" while the router is down; recovery when it returns', async () => {
    if (!router) throw new Error('no router');
    const p = await page({ origin: router.origin });
    await p.goto('/products');
    await expect.poll(() => cards(p).count()).toBeGreaterThan(0);
    const banner = p.getByRole('alert').filter({ hasText: /Connection lost|offline/ });
    expect(await banner.count()).toBe(0);

    await router.stopRouter();
    await banner.waitFor({ timeout: 30_000 });
    const retry = banner.getByRole('button', { name: 'Retry now' });
    await retry.click(); // while down: still offline, nothing breaks
    await expect.poll(() => banner.count()).toBe(1);

    await router.startRouter();
    // "Retry now" skips the reconnect backoff; the page may already have
    // reconnected by itself, and then the banner and its button are gone.
    await retry.click({ timeout: 5_000 }).catch(() => undefined);
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    // The page works again: a new search is answered.
    await p.getByRole('combobox', { name: 'Search the catalog' }).or(p.getByRole('searchbox', { name: 'Search the catalog' })).fill('pillow');
    await p.keyboard.press('Enter');
    await p.waitForURL(/q=pillow/);
    await expect.poll(() => cards(p).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await p.context().close();
  });
});
