import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStockAdjust } from './stockDelta';

describe('stock adjustment', () => {
  it('accepts signed whole numbers with a reason', () => {
    expect(checkStockAdjust({ delta: '+5', reason: ' recount ' }, 0)).toEqual({ ok: true, delta: 5, reason: 'recount', after: 5 });
    expect(checkStockAdjust({ delta: '-3', reason: 'damaged' }, 3)).toEqual({ ok: true, delta: -3, reason: 'damaged', after: 0 });
  });

  it('names each problem on its field', () => {
    const e = (delta: string, reason = 'x', stock = 2) => {
      const c = checkStockAdjust({ delta, reason }, stock);
      return c.ok ? undefined : c.errors;
    };
    expect(e('')?.delta).toMatch(/Enter the units/);
    expect(e('1.5')?.delta).toMatch(/whole number/);
    expect(e('1e3')?.delta).toMatch(/whole number/);
    expect(e('0')?.delta).toBe('The change must not be 0.');
    expect(e('-3')?.delta).toBe('Only 2 in stock: at most 2 can be removed.');
    expect(e('1', '  ')?.reason).toBe('Enter a reason for the change.');
    expect(e('1', 'x'.repeat(501))?.reason).toMatch(/at most 500/);
  });

  it('never lets the stock go below 0 and always reports the stock after', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: -2e6, max: 2e6 }), (stock, delta) => {
        const c = checkStockAdjust({ delta: String(delta), reason: 'r' }, stock);
        if (c.ok) {
          expect(c.after).toBe(stock + delta);
          expect(c.after).toBeGreaterThanOrEqual(0);
          expect(delta).not.toBe(0);
        } else expect(delta === 0 || stock + delta < 0).toBe(true);
      }));
  });
});
