import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_STATE, LIMITS, SORT_KEYS, parseState, toFilter, toSearchParams, withFilters, type CatalogState } from './filterState';

const priceArb = fc.option(fc.integer({ min: 0, max: 99_999_999 }).map((cents) => cents / 100), { nil: null });

/** Any valid catalog state (what the UI can produce). */
const stateArb: fc.Arbitrary<CatalogState> = fc
  .record({
    q: fc.string({ maxLength: LIMITS.q }),
    category: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
    prices: fc.tuple(priceArb, priceArb),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: LIMITS.tag }), { maxLength: LIMITS.tags }),
    inStock: fc.boolean(),
    sort: fc.option(fc.constantFrom(...SORT_KEYS), { nil: null }),
    page: fc.integer({ min: 1, max: LIMITS.maxPage }),
  })
  .map(({ prices: [a, b], ...rest }) => {
    const [minPrice, maxPrice] = a !== null && b !== null && b < a ? [b, a] : [a, b];
    const sort = rest.sort === 'relevance' && rest.q === '' ? null : rest.sort;
    return { ...rest, minPrice, maxPrice, sort };
  });

describe('catalog URL state', () => {
  it('round-trips: any state → URL → the same state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const url = toSearchParams(s).toString();
        expect(parseState(url)).toEqual(s);
      }),
    );
  });

  it('is canonical: parsing then writing a URL is stable', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const once = toSearchParams(parseState(raw)).toString();
        expect(toSearchParams(parseState(once)).toString()).toBe(once);
      }),
    );
  });

  it('never throws on hostile query strings and always yields a valid state', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(fc.tuple(fc.constantFrom('q', 'category', 'minPrice', 'maxPrice', 'tags', 'inStock', 'sort', 'page', '__proto__'), fc.string({ unit: 'binary' })), { maxLength: 40 }).map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2/g, '%')}`).join('&')),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const s = parseState(raw);
        expect(s.q.length).toBeLessThanOrEqual(LIMITS.q);
        expect(s.tags.length).toBeLessThanOrEqual(LIMITS.tags);
        expect(new Set(s.tags).size).toBe(s.tags.length);
        expect(s.page).toBeGreaterThanOrEqual(1);
        expect(s.page).toBeLessThanOrEqual(LIMITS.maxPage);
        if (s.minPrice !== null && s.maxPrice !== null) expect(s.minPrice).toBeLessThanOrEqual(s.maxPrice);
        if (s.sort !== null) expect(SORT_KEYS).toContain(s.sort);
      }),
    );
  });

  it('reads the documented parameters', () => {
    expect(parseState('q=shoe&category=mens-shoes&minPrice=10&maxPrice=99.5&tags=vegan&tags=running&inStock=1&sort=price-asc&page=3')).toEqual({
      q: 'shoe', category: 'mens-shoes', minPrice: 10, maxPrice: 99.5, tags: ['vegan', 'running'], inStock: true, sort: 'price-asc', page: 3,
    });
    expect(parseState('minPrice=-1&maxPrice=1e3&page=0&sort=relevance&inStock=yes')).toEqual(EMPTY_STATE);
  });

  it('resets to the first page when filters change, and drops relevance without a search', () => {
    const s = withFilters({ ...EMPTY_STATE, q: 'tent', sort: 'relevance', page: 4 }, { q: '' });
    expect(s.page).toBe(1);
    expect(s.sort).toBeNull();
  });

  it('converts prices to minor units for the API filter', () => {
    expect(toFilter({ ...EMPTY_STATE, q: '  tent ', minPrice: 19.99, maxPrice: 20 }, 'c1')).toEqual({ search: 'tent', categoryId: 'c1', minPrice: 1999, maxPrice: 2000 });
  });
});
