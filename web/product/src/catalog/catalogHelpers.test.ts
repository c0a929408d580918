import { describe, expect, it } from 'vitest';
import { activeFilters, clearFilters } from './activeFilters';
import { categoryRows } from './categoryTree';
import { EMPTY_STATE } from './filterState';

describe('activeFilters', () => {
  const s = {
    ...EMPTY_STATE, q: ' tent ', category: 'camping', minPrice: 10, tags: ['vegan'], options: [{ name: 'Size', values: ['M', 'L'] }], inStock: true, sort: 'rating' as const, page: 3,
  };
  it('labels every active filter and removes exactly one, back on page 1', () => {
    const chips = activeFilters(s, (slug) => (slug === 'camping' ? 'Camping' : slug));
    expect(chips.map((c) => c.label)).toEqual(['Search: tent', 'Category: Camping', 'Min price: $10.00', 'Tag: vegan', 'Size: M', 'Size: L', 'In stock only']);
    const withoutTag = chips.find((c) => c.key === 'tag:vegan')?.without;
    expect(withoutTag).toEqual({ ...s, tags: [], page: 1 });
    expect(chips.find((c) => c.label === 'Size: M')?.without).toEqual({ ...s, options: [{ name: 'Size', values: ['L'] }], page: 1 });
  });
  it('clears filters but keeps the sort', () => {
    expect(clearFilters(s)).toEqual({ ...EMPTY_STATE, sort: 'rating' });
  });
});

describe('categoryRows', () => {
  it('computes depth from parent links and keeps the server order', () => {
    const rows = categoryRows([
      { id: '1', name: 'A', slug: 'a', parent: null },
      { id: '2', name: 'B', slug: 'b', parent: { id: '1' } },
      { id: '3', name: 'C', slug: 'c', parent: { id: '2' } },
      { id: '4', name: 'D', slug: 'd', parent: { id: 'missing' } },
    ]);
    expect(rows.map((r) => [r.slug, r.depth])).toEqual([['a', 0], ['b', 1], ['c', 2], ['d', 0]]);
  });
});

describe('countText', () => {
  it('says how many of how many are shown', async () => {
    const { countText } = await import('./CatalogResults');
    expect(countText(20, 2400)).toBe('Showing 1–20 of 2,400 products');
    expect(countText(1, 1)).toBe('Showing 1–1 of 1 product');
    expect(countText(0, 0)).toBe('No products');
  });
});

describe('mergeOptionFacets', () => {
  it('keeps the facets and adds chosen values the facets no longer count, at 0', async () => {
    const { mergeOptionFacets } = await import('./optionFacets');
    const facets = [{ name: 'Size', values: [{ value: 'S', count: 3 }, { value: 'M', count: 0 }] }];
    expect(mergeOptionFacets(facets, [{ name: 'size', values: ['m', 'XL'] }, { name: 'Fit', values: ['Slim'] }])).toEqual([
      { name: 'Size', values: [{ value: 'S', count: 3 }, { value: 'M', count: 0 }, { value: 'XL', count: 0 }] },
      { name: 'Fit', values: [{ value: 'Slim', count: 0 }] },
    ]);
    expect(facets[0]?.values).toHaveLength(2);
  });
});
