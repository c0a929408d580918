// API failures as a shopper meets them. The router's /graphql is
// intercepted in this page only (page.route) to fail the way a broken
// backend or network does; WebSocket traffic is untouched.
// Seed properties: 28 (an API error shows a toast), 30 (a network error
// offers a retry button, and retrying recovers).
import { describe, expect, test } from 'vitest';
import { noBrowser, page } from '../src/harness.ts';
import { cards } from '../src/catalog.ts';

const isGraphQL = (url: URL) => url.pathname === '/graphql';

describe.skipIf(noBrowser)('API errors', () => {
  test('property 28: a GraphQL error from the API shows an error toast', async () => {
    const p = await page();
    await p.route(isGraphQL, (route) =>
      route.request().method() === 'POST' || route.request().method() === 'GET'
        ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'e2e: the catalog is on fire', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) })
        : route.continue(),
    );
    await p.goto('/products');
    const toasts = p.getByRole('region', { name: 'Notifications' });
    await expect.poll(() => toasts.getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => toasts.getByRole('button', { name: 'Dismiss notification' }).count()).toBeGreaterThan(0);
    await p.context().close();
  });

  test('property 30: a network error shows a retry button, and retrying recovers once the network is back', async () => {
    const p = await page();
    await p.route(isGraphQL, (route) => route.abort('connectionrefused'));
    await p.goto('/products');
    // The client retries with backoff before it gives up; then the results say so and offer a retry.
    const retry = p.getByRole('alert').filter({ hasText: "We couldn't load products" }).getByRole('button', { name: 'Try again' });
    await retry.waitFor({ timeout: 45_000 });
    await p.unroute(isGraphQL);
    await retry.click();
    await expect.poll(() => cards(p).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await p.context().close();
  });
});
