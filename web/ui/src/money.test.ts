import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.ts';
import { pageWindow } from './pageWindow.ts';
import { ratingLabel } from './Rating.tsx';

describe('formatMoney', () => {
  it('reads integer minor units with the currency’s own digits', () => {
    expect(formatMoney(1299, 'EUR', 'en-US')).toBe('€12.99');
    expect(formatMoney(1299, 'JPY', 'en-US')).toBe('¥1,299');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
  });

  it('does not throw on an unknown currency code', () => {
    expect(formatMoney(1299, 'NOT-A-CODE', 'en-US')).toBe('12.99 NOT-A-CODE');
  });
});

describe('ratingLabel', () => {
  it('speaks the rating and the review count', () => {
    expect(ratingLabel(4.3, 12)).toBe('Rated 4.3 out of 5, 12 reviews');
    expect(ratingLabel(4.25, 1)).toBe('Rated 4.3 out of 5, 1 review');
    expect(ratingLabel(null, 0)).toBe('Not rated yet');
  });
});

describe('pageWindow', () => {
  it('lists every page when there are few', () => {
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps first, last and the neighbours of the current page', () => {
    expect(pageWindow(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 'gap', 20]);
    expect(pageWindow(3, 20)).toEqual([1, 2, 3, 4, 'gap', 20]);
  });
});
