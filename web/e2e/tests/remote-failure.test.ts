// The product remote failing: the shell keeps working around its error
// boundary's fallback, and "Try again" recovers once the remote is back.
// Seed property 27 (error boundary fallback).
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { noBrowser, page } from '../src/harness.ts';
import { cards } from '../src/catalog.ts';

const FALLBACK = 'The catalog could not be loaded';

/** The shell's own chrome still answers: the header's theme toggle flips the theme. */
async function shellWorks(p: Page): Promise<void> {
  const toggle = p.getByRole('button', { name: /theme|dark|light/i }).first();
  const before = await p.evaluate(() => document.documentElement.classList.contains('dark'));
  await toggle.click();
  await expect.poll(() => p.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(!before);
}

describe.skipIf(noBrowser)('product remote failure', () => {
  for (const [what, fulfil] of [
    ['answers 500', { status: 500, body: 'boom', contentType: 'text/plain' }],
    ['answers 404', { status: 404, body: 'not found', contentType: 'text/plain' }],
    ['throws when evaluated (property 27)', { status: 200, body: 'throw new Error("e2e: the remote is broken");', contentType: 'text/javascript' }],
  ] as const) {
    test(`remoteEntry.js ${what}: fallback with the shell working, "Try again" recovers`, async () => {
      const p = await page();
      await p.route('**/mfe/product/remoteEntry.js', (route) => route.fulfill(fulfil));
      await p.goto('/products');
      await p.getByRole('heading', { name: FALLBACK }).waitFor();
      await shellWorks(p);
      await p.unroute('**/mfe/product/remoteEntry.js');
      await p.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => cards(p).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await p.getByRole('heading', { name: FALLBACK }).count()).toBe(0);
      await p.context().close();
    });
  }
});
