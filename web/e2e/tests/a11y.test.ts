// axe-core on the catalog and a product page, light and dark: no serious
// or critical violations (WCAG 2.1 A/AA and best practices).
import { describe, expect, test } from 'vitest';
import { axe, noBrowser, page } from '../src/harness.ts';
import { cards } from '../src/catalog.ts';

describe.skipIf(noBrowser)('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`catalog and detail pages (${colorScheme}): no serious or critical axe violations`, async () => {
      const p = await page({ colorScheme });
      await p.goto('/products');
      await expect.poll(() => cards(p).count()).toBeGreaterThan(0);
      await p.waitForLoadState('networkidle');
      expect(await p.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark');
      expect(await axe(p), `catalog (${colorScheme})`).toEqual([]);

      await cards(p).first().getByRole('link').click();
      await p.waitForURL(/\/products\/[^/?]+$/);
      await p.getByRole('heading', { level: 1 }).waitFor();
      await p.waitForLoadState('networkidle');
      expect(await axe(p), `detail (${colorScheme})`).toEqual([]);
      await p.context().close();
    });
  }
});
