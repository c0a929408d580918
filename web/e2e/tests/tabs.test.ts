// Seed property 26 in the browser: an event emitted on the bus reaches
// every listener, in this tab and in every other tab of the origin
// (BroadcastChannel). The theme toggle emits 'theme:changed'; a second tab
// of the same browser profile must follow without a reload.
import { describe, expect, test } from 'vitest';
import { noBrowser, page } from '../src/harness.ts';

describe.skipIf(noBrowser)('bus across tabs', () => {
  test('property 26: a theme change in one tab reaches the other tab’s listeners', async () => {
    const a = await page({ colorScheme: 'light' });
    const b = await a.context().newPage();
    await a.goto('/products');
    await b.goto('/products/does-not-matter-which');
    const dark = (p: typeof a) => p.evaluate(() => document.documentElement.classList.contains('dark'));
    await expect.poll(() => dark(a)).toBe(false);
    await expect.poll(() => dark(b)).toBe(false);

    await a.getByRole('button', { name: 'Switch to dark theme' }).first().click();
    await expect.poll(() => dark(a)).toBe(true);
    await expect.poll(() => dark(b)).toBe(true);
    await expect.poll(() => b.getByRole('button', { name: 'Switch to light theme' }).first().isVisible()).toBe(true);

    await b.getByRole('button', { name: 'Switch to light theme' }).first().click();
    await expect.poll(() => dark(b)).toBe(false);
    await expect.poll(() => dark(a)).toBe(false);
    await a.context().close();
  });
});
