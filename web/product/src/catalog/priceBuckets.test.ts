import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toMinor } from '../lib/money';
import { EMPTY_STATE, parseState, toFilter, toSearchParams, withFilters } from './filterState';
import { bucketLabel, bucketRange, bucketSelected } from './priceBuckets';

const BUCKETS = [
  { min: 0, max: 2500 },
  { min: 2500, max: 5000 },
  { min: 5000, max: 10000 },
  { min: 10000, max: 20000 },
  { min: 20000, max: 50000 },
  { min: 50000, max: null },
];

describe('price buckets', () => {
  it('are named in plain words', () => {
    expect(BUCKETS.map(bucketLabel)).toEqual(['Under $25', '$25 to $50', '$50 to $100', '$100 to $200', '$200 to $500', '$500 and over']);
  });

  it('a bucket’s filter admits exactly the prices in [min, max), survives the URL, and reads back as selected', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUCKETS), fc.integer({ min: 0, max: 1_000_000 }), (b, price) => {
        const s = withFilters(EMPTY_STATE, bucketRange(b));
        const again = parseState(toSearchParams(s).toString());
        expect(again).toEqual(s);
        const f = toFilter(again, null);
        const admitted = (f.minPrice == null || price >= f.minPrice) && (f.maxPrice == null || price <= f.maxPrice);
        expect(admitted).toBe(price >= b.min && (b.max === null || price < b.max));
        expect(BUCKETS.filter((x) => bucketSelected(again, x))).toEqual([b]);
      }),
    );
  });

  it('typed bounds that are not a bucket select none', () => {
    expect(BUCKETS.some((b) => bucketSelected({ minPrice: 25, maxPrice: 50 }, b))).toBe(false);
    expect(BUCKETS.some((b) => bucketSelected(EMPTY_STATE, b))).toBe(false);
    expect(toMinor(49.99)).toBe(4999);
  });
});
