import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combination, initialVariant, pickValue, resolveVariant, valueOf, valueState, type OptionLike, type VariantLike } from './variantSelection';

/** A product's options (1–3, each with 1–4 values) and the variants sold: any subset of the combinations, any stock. */
const productArb = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  .map((sizes): OptionLike[] => sizes.map((n, i) => ({ name: `Option ${i}`, values: Array.from({ length: n }, (_, j) => `V${i}.${j}`) })))
  .chain((options) => {
    const combos = options.reduce<string[][]>((acc, o) => acc.flatMap((c) => o.values.map((v) => [...c, v])), [[]]);
    return fc.subarray(combos, { minLength: 1 }).chain((sold) =>
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: sold.length, maxLength: sold.length }).map((stocks) => ({
        options,
        variants: sold.map((values, k): VariantLike => ({ id: `v${k}`, stock: stocks[k] ?? 0, selectedOptions: values.map((value, i) => ({ name: options[i]?.name ?? '', value })) })),
      })),
    );
  });

/** A product and one of its variants as the current selection. */
const selectedArb = productArb.chain((p) => fc.nat({ max: p.variants.length - 1 }).map((i) => ({ ...p, selected: p.variants[i] as VariantLike })));

const othersMatch = (options: OptionLike[], v: VariantLike, s: VariantLike, except: string) => options.every((o) => o.name === except || valueOf(v, o.name) === valueOf(s, o.name));

describe('variant selection', () => {
  it('each value’s state says exactly whether its combination with the other selections is sold, in stock, or not sold at all', () => {
    fc.assert(
      fc.property(selectedArb, ({ options, variants, selected }) => {
        for (const o of options) {
          for (const value of o.values) {
            const combo = variants.find((v) => valueOf(v, o.name) === value && othersMatch(options, v, selected, o.name));
            const expected = combo ? (combo.stock > 0 ? 'available' : 'soldOut') : variants.some((v) => valueOf(v, o.name) === value) ? 'unavailable' : 'none';
            expect(valueState(options, variants, selected, o.name, value)).toBe(expected);
          }
        }
      }),
    );
  });

  it('the selected variant’s own values (the checked radios) read as available when it is in stock and sold out when not', () => {
    fc.assert(
      fc.property(selectedArb, ({ options, variants, selected }) => {
        for (const o of options) {
          const value = valueOf(selected, o.name) ?? '';
          expect(valueState(options, variants, selected, o.name, value)).toBe(selected.stock > 0 ? 'available' : 'soldOut');
          expect(combination(options, variants, selected, o.name, value)).toBe(selected);
        }
      }),
    );
  });

  it('picking a value selects a variant with that value; a sold combination keeps the other selections', () => {
    fc.assert(
      fc.property(selectedArb, ({ options, variants, selected }) => {
        for (const o of options) {
          for (const value of o.values) {
            const state = valueState(options, variants, selected, o.name, value);
            const picked = pickValue(options, variants, selected, o.name, value);
            if (state === 'none') {
              expect(picked).toBeUndefined();
              continue;
            }
            expect(picked && valueOf(picked, o.name)).toBe(value);
            if (state !== 'unavailable') expect(picked && othersMatch(options, picked, selected, o.name)).toBe(true);
            // An unavailable value leads to stock when any variant with it has stock.
            if (state === 'unavailable' && variants.some((v) => valueOf(v, o.name) === value && v.stock > 0)) expect(picked?.stock).toBeGreaterThan(0);
          }
        }
      }),
    );
  });

  it('never traps a shopper: from any selection, picking an in-stock variant’s values in option order arrives at it', () => {
    fc.assert(
      fc.property(selectedArb, fc.nat(), ({ options, variants, selected }, k) => {
        const inStock = variants.filter((v) => v.stock > 0);
        fc.pre(inStock.length > 0);
        const target = inStock[k % inStock.length] as VariantLike;
        let current = selected;
        for (const o of options) current = pickValue(options, variants, current, o.name, valueOf(target, o.name) ?? '') ?? current;
        expect(current).toBe(target);
      }),
    );
  });

  it('starts on the first variant in stock, and a URL’s unknown id falls back to it', () => {
    fc.assert(
      fc.property(productArb, ({ variants }) => {
        const first = initialVariant(variants);
        expect(first).toBe(variants.find((v) => v.stock > 0) ?? variants[0]);
        expect(resolveVariant(variants, 'no-such-id')).toBe(first);
        expect(resolveVariant(variants, null)).toBe(first);
        for (const v of variants) expect(resolveVariant(variants, v.id)).toBe(v);
      }),
    );
    expect(initialVariant([])).toBeUndefined();
  });

  it('compares option names and values case-insensitively, as the server does', () => {
    const options = [{ name: 'Size', values: ['S', 'M'] }];
    const variants = [{ id: 'a', stock: 1, selectedOptions: [{ name: 'size', value: 's' }] }];
    expect(valueState(options, variants, variants[0] as VariantLike, 'Size', 'S')).toBe('available');
    expect(valueState(options, variants, variants[0] as VariantLike, 'Size', 'M')).toBe('none');
  });
});
