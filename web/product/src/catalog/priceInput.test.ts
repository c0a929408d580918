import { describe, expect, it } from 'vitest';
import { readPriceInput } from './priceInput';

describe('readPriceInput', () => {
  it('accepts empty bounds and amounts with up to two decimals', () => {
    expect(readPriceInput('', '')).toEqual({ ok: true, min: null, max: null });
    expect(readPriceInput(' 10 ', '19.99')).toEqual({ ok: true, min: 10, max: 19.99 });
  });
  it('refuses a minimum above the maximum and malformed amounts', () => {
    expect(readPriceInput('50', '10')).toEqual({ ok: false, error: 'Minimum price must not be more than maximum price.' });
    expect(readPriceInput('-1', '')).toMatchObject({ ok: false });
    expect(readPriceInput('1e3', '')).toMatchObject({ ok: false });
    expect(readPriceInput('', '1.999')).toMatchObject({ ok: false });
  });
});
