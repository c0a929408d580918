import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_STATE, LIMITS, SORT_KEYS, optionChosen, parseState, toFilter, toSearchParams, toggleOption, withFilters, type CatalogState, type OptionChoice } from './filterState';

const priceArb = fc.option(fc.integer({ min: 0, max: 99_999_999 }).map((cents) => cents / 100), { nil: null });

/** Text of an option name or value: anything non-blank within the limit, unique case-insensitively within its list. */
const optionText = fc.string({ minLength: 1, maxLength: LIMITS.optionText }).filter((t) => t.trim() !== '');
const caseless = (t: string) => t.toLowerCase();

/** Option filters as the UI produces them: distinct names, each with distinct values. */
const optionsArb: fc.Arbitrary<OptionChoice[]> = fc.uniqueArray(
  fc.record({ name: optionText, values: fc.uniqueArray(optionText, { minLength: 1, maxLength: 5, selector: caseless }) }),
  { maxLength: 4, selector: (o) => caseless(o.name) },
);

/** Any valid catalog state (what the UI can produce). */
const stateArb: fc.Arbitrary<CatalogState> = fc
  .record({
    q: fc.string({ maxLength: LIMITS.q }),
    category: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
    prices: fc.tuple(priceArb, priceArb),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: LIMITS.tag }), { maxLength: LIMITS.tags }),
    options: optionsArb,
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
      fc.array(fc.tuple(fc.constantFrom('q', 'category', 'minPrice', 'maxPrice', 'tags', 'inStock', 'sort', 'page', '__proto__', 'o.Size', 'o.size', 'o.', 'o.__proto__'), fc.string({ unit: 'binary' })), { maxLength: 40 }).map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2/g, '%')}`).join('&')),
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
        expect(s.options.length).toBeLessThanOrEqual(LIMITS.options);
        expect(new Set(s.options.map((o) => o.name.toLowerCase())).size).toBe(s.options.length);
        for (const o of s.options) {
          expect(o.values.length).toBeGreaterThan(0);
          expect(o.values.length).toBeLessThanOrEqual(LIMITS.optionValues);
          expect(new Set(o.values.map((v) => v.toLowerCase())).size).toBe(o.values.length);
        }
      }),
    );
  });

  it('reads the documented parameters', () => {
    expect(parseState('q=shoe&category=mens-shoes&minPrice=10&maxPrice=99.5&tags=vegan&tags=running&inStock=1&sort=price-asc&page=3')).toEqual({
      q: 'shoe', category: 'mens-shoes', minPrice: 10, maxPrice: 99.5, tags: ['vegan', 'running'], options: [], inStock: true, sort: 'price-asc', page: 3,
    });
    expect(parseState('o.Size=M&o.Colour=Black&o.size=l&o.Size=m&o.=x&o.Fit=').options).toEqual([
      { name: 'Size', values: ['M', 'l'] },
      { name: 'Colour', values: ['Black'] },
    ]);
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

  it('option filters: toggling a value on then off gives back the same state (on page 1), and the API filter carries them', () => {
    fc.assert(
      fc.property(stateArb, optionText, optionText, (s0, name, value) => {
        const s = { ...s0, page: 1 };
        fc.pre(!optionChosen(s.options, name, value));
        const on = toggleOption(s, name, value, true);
        expect(optionChosen(on.options, name, value)).toBe(true);
        expect(parseState(toSearchParams(on).toString())).toEqual(on);
        expect(toFilter(on, null).options?.some((o) => o.name.toLowerCase() === name.toLowerCase() && o.values.includes(value))).toBe(true);
        const off = toggleOption(on, name, value, false);
        expect(off).toEqual(s);
      }),
    );
    expect(toFilter(EMPTY_STATE, null).options).toBeUndefined();
  });
});
