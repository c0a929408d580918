import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandName, cardDigits, expiry, luhnValid, maskedNumber, validateCard, type CardValues } from './cardRules';

/** Appends the Luhn check digit to a body of digits. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
const cardNumber = fc.stringMatching(/^\d{12,18}$/).map(withCheckDigit);
const now = new Date(Date.UTC(2026, 11, 4));
const valid: CardValues = { holderName: 'Ada Lovelace', number: '4242 4242 4242 4242', expMonth: '12', expYear: '2030', cvc: '123', isDefault: false };

describe('card checks', () => {
  it('accepts the test card and every Luhn-valid number of 13 to 19 digits, with spaces', () => {
    expect(validateCard(valid, now)).toEqual({});
    fc.assert(fc.property(cardNumber, (n) => {
      const spaced = n.replace(/(\d{4})(?=\d)/g, '$1 ');
      expect(validateCard({ ...valid, number: spaced }, now)).toEqual({});
    }));
  });

  it('refuses a number with one digit changed (Luhn catches every single-digit error)', () => {
    fc.assert(fc.property(cardNumber, fc.nat(), fc.integer({ min: 1, max: 9 }), (n, at, delta) => {
      const i = at % n.length;
      const changed = n.slice(0, i) + String((Number(n[i]) + delta) % 10) + n.slice(i + 1);
      expect(validateCard({ ...valid, number: changed }, now)).toEqual({ number: 'Enter a valid card number.' });
    }));
  });

  it('refuses expired cards, bad months, short years and CVCs', () => {
    expect(validateCard({ ...valid, expMonth: '11', expYear: '2026' }, now)).toEqual({ expYear: 'This card has expired.' });
    expect(validateCard({ ...valid, expMonth: '12', expYear: '2026' }, now)).toEqual({});
    expect(validateCard({ ...valid, expYear: '2025' }, now)).toEqual({ expYear: 'This card has expired.' });
    expect(Object.keys(validateCard({ ...valid, expMonth: '13', expYear: '30', cvc: '12', holderName: ' ' }, now)).sort()).toEqual(['cvc', 'expMonth', 'expYear', 'holderName']);
  });

  it('reads digits and shows only the last four', () => {
    expect(cardDigits('4242 4242-4242 4242')).toBe('4242424242424242');
    expect(cardDigits('4242x')).toBeNull();
    expect(maskedNumber('4242')).toBe('•••• 4242');
    expect(expiry(3, 2031)).toBe('03/2031');
    expect(brandName('visa')).toBe('Visa');
    expect(brandName('newbrand')).toBe('Newbrand');
  });
});
