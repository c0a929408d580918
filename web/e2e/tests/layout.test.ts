// Responsive layout at three viewports.
// Seed property 23: phone 390×844, tablet 768×1024, desktop 1280×900 — on
// the phone the filters hide behind a "Filters" button; the grid's column
// count grows with the width.
import { describe, expect, test } from 'vitest';
import { noBrowser, page } from '../src/harness.ts';
import { productList } from '../src/catalog.ts';

const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

describe.skipIf(noBrowser)('layout', () => {
  test('property 23: filters behind a button on the phone, grid columns grow with the viewport, no horizontal scroll', async () => {
    const columns: number[] = [];
    for (const size of sizes) {
      const p = await page({ viewport: { width: size.width, height: size.height } });
      await p.goto('/products');
      await productList(p).getByRole('listitem').first().waitFor();
      const filters = p.getByRole('complementary', { name: 'Filters' });
      const toggle = p.getByRole('button', { name: 'Filters' });
      if (size.width < 768) {
        expect(await filters.isVisible(), `${size.name}: filters hidden`).toBe(false);
        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        await filters.waitFor({ state: 'visible' });
      } else {
        expect(await filters.isVisible(), `${size.name}: filters shown`).toBe(true);
        expect(await toggle.isVisible(), `${size.name}: no Filters button`).toBe(false);
      }
      columns.push(await productList(p).evaluate((ul) => getComputedStyle(ul).gridTemplateColumns.split(' ').filter(Boolean).length));
      expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${size.name}: no horizontal scroll`).toBe(true);
      await p.context().close();
    }
    const [phone = 0, tablet = 0, desktop = 0] = columns;
    expect(phone).toBeGreaterThanOrEqual(1);
    expect(tablet).toBeGreaterThanOrEqual(phone);
    expect(desktop).toBeGreaterThan(phone);
  });
});
