import { describe, expect, it } from 'vitest';
import { flattenSuggestions, suggestionPath } from './suggestions';

describe('suggestions', () => {
  it('lists products first, then categories, in the server’s order', () => {
    const list = flattenSuggestions({
      __typename: 'SearchSuggestions',
      query: 'snea',
      products: [{ __typename: 'Product', id: 'p1', name: 'Sneaker', slug: 'sneaker', price: { __typename: 'Money', amount: 4999, currency: 'USD' } }],
      categories: [{ __typename: 'Category', id: 'c1', name: "Men's Shoes", slug: 'mens-shoes' }],
    });
    expect(list.map((s) => [s.kind, s.name])).toEqual([['product', 'Sneaker'], ['category', "Men's Shoes"]]);
    expect(flattenSuggestions(undefined)).toEqual([]);
  });
  it('opens a product page or the catalog filtered by the category, slugs escaped', () => {
    expect(suggestionPath({ kind: 'product', slug: 'a b' })).toBe('/products/a%20b');
    expect(suggestionPath({ kind: 'category', slug: 'mens-shoes' })).toBe('/products?category=mens-shoes');
  });
});
