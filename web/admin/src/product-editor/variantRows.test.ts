import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdminVariantFragment } from '../gql/graphql';
import { missingCombinations, totalStock, variantRows } from './variantRows';

const usd = (amount: number) => ({ __typename: 'Money' as const, amount, currency: 'USD' });
const variant = (id: string, o: Partial<AdminVariantFragment> = {}): AdminVariantFragment => ({
  __typename: 'ProductVariant',
  id,
  sku: `SKU-${id}`,
  title: id,
  selectedOptions: [],
  price: usd(1999),
  compareAtPrice: null,
  inheritsPrice: true,
  stock: 0,
  attributes: [],
  images: [],
  isDefault: false,
  version: 1,
  ...o,
});
const sel = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ __typename: 'SelectedOption' as const, name, value }));

describe('variants table model', () => {
  it('shows own and inherited prices, the list price and why a delete would be refused', () => {
    const rows = variantRows([
      variant('a', { inheritsPrice: false, price: usd(2500), compareAtPrice: usd(3000), stock: 4 }),
      variant('b'),
    ]);
    expect(rows.map((r) => [r.price, r.inherits, r.compareAt])).toEqual([
      ['$25.00', false, '$30.00'],
      ['$19.99', true, '—'],
    ]);
    expect(rows[0]?.deleteBlocked).toMatch(/with stock/);
    expect(rows[1]?.deleteBlocked).toBeUndefined();
    expect(variantRows([variant('only')])[0]?.deleteBlocked).toMatch(/last variant/);
    expect(totalStock([{ stock: 2 }, { stock: 3 }])).toBe(5);
  });

  it('counts the combinations without a variant, case-insensitively and in any option order', () => {
    const options = [{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Red', 'Blue'] }];
    expect(missingCombinations(options, [])).toBe(4);
    expect(missingCombinations(options, [variant('1', { selectedOptions: sel({ Colour: 'red', Size: 's' }) })])).toBe(3);
    expect(missingCombinations([], [variant('d')])).toBe(0);
  });

  it('finds nothing missing once every combination has a variant', () => {
    fc.assert(fc.property(fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }), { minLength: 1, maxLength: 3 }), (valueLists) => {
        const options = valueLists.map((values, i) => ({ name: `O${i}`, values }));
        let combos: Array<Record<string, string>> = [{}];
        for (const o of options) combos = combos.flatMap((c) => o.values.map((v) => ({ ...c, [o.name]: v })));
        const all = combos.map((c, i) => variant(String(i), { selectedOptions: sel(c) }));
        expect(missingCombinations(options, all)).toBe(0);
        expect(missingCombinations(options, all.slice(1))).toBe(1);
      }));
  });
});
