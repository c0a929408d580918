import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOW_STOCK, stockStatus } from './stock';

describe('stockStatus', () => {
  it('names the three states at their boundaries', () => {
    expect(stockStatus(0)).toEqual({ label: 'Out of stock', tone: 'out' });
    expect(stockStatus(1)).toEqual({ label: 'Only 1 left', tone: 'low' });
    expect(stockStatus(5)).toEqual({ label: 'Only 5 left', tone: 'low' });
    expect(stockStatus(6)).toEqual({ label: 'In stock', tone: 'ok' });
  });

  it('is total and monotone: more stock never reads as scarcer', () => {
    const rank = { out: 0, low: 1, ok: 2 } as const;
    fc.assert(fc.property(fc.integer({ min: -10, max: 10_000 }), fc.integer({ min: 0, max: 100 }), (n, d) => {
      expect(rank[stockStatus(n + d).tone]).toBeGreaterThanOrEqual(rank[stockStatus(n).tone]);
      if (n > 0 && n <= LOW_STOCK) expect(stockStatus(n).label).toBe(`Only ${n} left`);
    }));
  });
});
