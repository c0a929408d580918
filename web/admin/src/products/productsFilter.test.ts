import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH, categoryOptions, parseProductsFilter, productsFilterParams, toProductFilter, type ProductsFilterState } from './productsFilter';

const state = fc.record<ProductsFilterState>({
  q: fc.string({ maxLength: MAX_SEARCH }).map((s) => s.trim()),
  category: fc.constantFrom('', '1', '42', 'c-7'),
  stock: fc.constantFrom('', 'in', 'out'),
  sort: fc.constantFrom('', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'RATING', 'RELEVANCE'),
});

describe('products filter in the URL', () => {
  it('round-trips every filter through the URL', () => {
    fc.assert(fc.property(state, (s) => {
        expect(parseProductsFilter(new URLSearchParams(productsFilterParams(s).toString()))).toEqual(s);
      }));
  });

  it('ignores unknown values', () => {
    expect(parseProductsFilter(new URLSearchParams('stock=maybe&sort=CHEAP&category=%3Cscript%3E'))).toEqual({ q: '', category: '', stock: '', sort: '' });
  });

  it('maps to the API filter', () => {
    expect(toProductFilter({ q: '', category: '', stock: '', sort: 'NEWEST' })).toBeNull();
    expect(toProductFilter({ q: 'shoe', category: '3', stock: 'out', sort: '' })).toEqual({ search: 'shoe', categoryId: '3', inStock: false });
  });

  it('indents categories by depth', () => {
    const cats = [
      { id: '1', name: 'Apparel', parent: null },
      { id: '2', name: 'Shirts', parent: { id: '1' } },
      { id: '3', name: 'Polo', parent: { id: '2' } },
    ];
    expect(categoryOptions(cats).map((o) => o.label)).toEqual(['Apparel', '— Shirts', '— — Polo']);
  });
});
