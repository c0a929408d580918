import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMoney, moneyText, parseMoney } from './money';

describe('price fields', () => {
  it('reads dollars and cents exactly, without floating point', () => {
    expect(parseMoney('19.99')).toEqual({ kind: 'amount', minor: 1999 });
    expect(parseMoney(' $1,299.5 ')).toEqual({ kind: 'amount', minor: 129950 });
    expect(parseMoney('.5')).toEqual({ kind: 'amount', minor: 50 });
    expect(parseMoney('0')).toEqual({ kind: 'amount', minor: 0 });
    expect(parseMoney('-5')).toEqual({ kind: 'amount', minor: -500 });
    expect(parseMoney('')).toEqual({ kind: 'empty' });
  });

  it('refuses what is not a price', () => {
    for (const s of ['1e3', '0x10', '19.999', 'abc', '1.2.3', '--1', '99999999999']) expect(parseMoney(s).kind, s).toBe('invalid');
  });

  it('round-trips every amount through the text the form shows', () => {
    fc.assert(fc.property(fc.integer({ min: -2_147_483_647, max: 2_147_483_647 }), (n) => {
        expect(parseMoney(moneyText(n))).toEqual({ kind: 'amount', minor: n });
      }));
  });

  it('names the problem of a required or negative price', () => {
    expect(checkMoney('', true).error).toBe('Enter a price.');
    expect(checkMoney('', false)).toEqual({ minor: null });
    expect(checkMoney('-1', false).error).toBe('The price must be 0 or more.');
    expect(checkMoney('12', true)).toEqual({ minor: 1200 });
  });
});
