import { describe, expect, it } from 'vitest';
import { checkProduct, emptyDraft, parseTags, slugify } from './productForm';

const good = { ...emptyDraft(), name: 'Trail Shoe', slug: 'trail-shoe', price: '89.90', categoryId: '3', sku: 'TS-1', tags: 'running, trail, running' };

describe('product form', () => {
  it('turns a good draft into the API values (cents, tags split, stock only when new)', () => {
    const r = checkProduct(good, true);
    expect(r.errors).toEqual({});
    expect(r.values).toEqual({ name: 'Trail Shoe', slug: 'trail-shoe', description: '', price: 8990, compareAtPrice: null, categoryId: '3', tags: ['running', 'trail'], sku: 'TS-1', stock: 0 });
    expect(checkProduct(good, false).values).not.toHaveProperty('stock');
  });

  it('names every bad field at once', () => {
    const r = checkProduct({ ...emptyDraft(), slug: 'Bad Slug', price: '-1', compareAtPrice: 'x', sku: '-no', stock: '-2' }, true);
    expect(Object.keys(r.errors).sort()).toEqual(['categoryId', 'compareAtPrice', 'name', 'price', 'sku', 'slug', 'stock']);
    expect(r.errors.price).toBe('The price must be 0 or more.');
    expect(r.values).toBeUndefined();
  });

  it('wants the compare-at price above the price', () => {
    expect(checkProduct({ ...good, compareAtPrice: '89.90' }, false).errors.compareAtPrice).toMatch(/above the price/);
    expect(checkProduct({ ...good, compareAtPrice: '99' }, false).values?.compareAtPrice).toBe(9900);
  });

  it('proposes slugs and splits tags', () => {
    expect(slugify('  Crème Brûlée — Large!! ')).toBe('creme-brulee-large');
    expect(parseTags(' a, ,b ,a')).toEqual(['a', 'b']);
  });
});
