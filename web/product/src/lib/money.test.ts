import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, minorDigits, toMinor } from './money';

describe('formatMoney', () => {
  it('formats integer minor units with the currency', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' }, 'en-US')).toBe('$19.99');
    expect(formatMoney({ amount: 0, currency: 'USD' }, 'en-US')).toBe('$0.00');
    expect(formatMoney({ amount: 123456789, currency: 'USD' }, 'en-US')).toBe('$1,234,567.89');
    expect(formatMoney({ amount: 1999, currency: 'EUR' }, 'de-DE')).toBe('19,99\u00a0€');
  });

  it('respects currencies without minor units', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney({ amount: 500, currency: 'JPY' }, 'en-US')).toBe('¥500');
  });

  it('never throws on an unknown currency code', () => {
    expect(formatMoney({ amount: 1999, currency: 'not a code' }, 'en-US')).toBe('19.99 not a code');
  });

  it('toMinor inverts the major-unit display for any cent amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (cents) => {
      expect(toMinor(cents / 100, 'USD')).toBe(cents);
    }));
  });
});
