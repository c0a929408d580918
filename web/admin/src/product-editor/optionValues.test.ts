import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addValues, combinations, optionsChanged, parseValues, validateOptions } from './optionValues';

describe('option values typed with commas', () => {
  it('trims, drops empty pieces and repeats (case-insensitively, first spelling wins)', () => {
    expect(parseValues(' S, M ,, m ,L,')).toEqual(['S', 'M', 'L']);
    expect(parseValues('')).toEqual([]);
    expect(addValues(['Red'], 'red, Blue')).toEqual(['Red', 'Blue']);
  });

  it('never yields an empty, untrimmed or repeated value, and keeps every distinct one', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 8 }).filter((s) => !s.includes(',')), { maxLength: 12 }), (pieces) => {
        const out = parseValues(pieces.join(','));
        for (const v of out) expect(v).toBe(v.trim());
        expect(out.every((v) => v !== '')).toBe(true);
        expect(new Set(out.map((v) => v.toLowerCase())).size).toBe(out.length);
        const distinct = new Set(pieces.map((p) => p.trim().toLowerCase()).filter((p) => p !== ''));
        expect(out.length).toBe(distinct.size);
      }));
  });
});

describe('options validation', () => {
  it('accepts Size and Colour', () => {
    expect(validateOptions([{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Red', 'Blue'] }])).toBeNull();
    expect(combinations([{ values: ['S', 'M'] }, { values: ['Red', 'Blue'] }])).toBe(4);
    expect(combinations([])).toBe(1);
  });

  it('names the row and the field of each problem', () => {
    const e = validateOptions([{ name: ' ', values: ['S'] }, { name: 'Size', values: [] }, { name: 'size', values: ['x'] }]);
    expect(e?.rows[0]?.name).toBe('Enter an option name.');
    expect(e?.rows[1]?.values).toBe('Add at least one value.');
    expect(e?.rows[2]?.name).toBe('There is already an option named size.');
  });

  it('refuses more than 3 options or 100 combinations for the whole set', () => {
    const four = ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['1'] }));
    expect(validateOptions(four)?.form).toMatch(/at most 3 options/);
    const big = [{ name: 'A', values: Array.from({ length: 11 }, (_, i) => `a${i}`) }, { name: 'B', values: Array.from({ length: 10 }, (_, i) => `b${i}`) }];
    expect(validateOptions(big)?.form).toMatch(/110 combinations/);
  });

  it('sees a change of name, value or order', () => {
    const saved = [{ name: 'Size', values: ['S', 'M'] }];
    expect(optionsChanged([{ name: ' Size ', values: ['S', 'M'] }], saved)).toBe(false);
    expect(optionsChanged([{ name: 'Size', values: ['M', 'S'] }], saved)).toBe(true);
    expect(optionsChanged([], saved)).toBe(true);
  });
});
