// Seed property 25: images below the fold are not requested until the
// shopper scrolls to them (watching the page's requests to /images/).
import { describe, expect, test } from 'vitest';
import { noBrowser, page } from '../src/harness.ts';
import { cards } from '../src/catalog.ts';

describe.skipIf(noBrowser)('lazy images', () => {
  test('property 25: the last card’s image is requested only after scrolling to it', async () => {
    const p = await page({ viewport: { width: 390, height: 844 } });
    const requested: string[] = [];
    p.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/images/')) requested.push(u.pathname + u.search);
    });
    await p.goto('/products');
    await expect.poll(() => cards(p).count()).toBeGreaterThanOrEqual(20);
    const last = cards(p).last().getByRole('img').first();
    const src = await last.evaluate((img) => {
      const u = new URL((img as HTMLImageElement).currentSrc || (img as HTMLImageElement).src);
      return u.pathname + u.search;
    });
    await p.waitForLoadState('networkidle');
    expect(requested.length).toBeGreaterThan(0); // the first cards' images load
    expect(requested).not.toContain(src);
    expect(requested.length).toBeLessThan(await cards(p).count());

    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => requested.includes(src)).toBe(true);
    await p.context().close();
  });
});
