import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_LIMITS, fromAddress, toAddressInput, validateAddress, type AddressValues, type CountryRule } from './addressRules';

const code = fc.stringMatching(/^[A-Z]{2}$/);
const rules = fc.uniqueArray(
  fc.record<CountryRule>({ code, name: fc.string({ minLength: 1, maxLength: 20 }), requiresRegion: fc.boolean(), postalCodeExample: fc.stringMatching(/^[A-Z0-9 -]{3,10}$/) }),
  { minLength: 1, maxLength: 8, selector: (r) => r.code },
);
/** Text that is not blank after trimming, at most `max` code points. */
const filled = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme-ascii' }).filter((s) => s.trim() !== '');
const phone = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{4,15}$/)).map(([plus, d]) => (plus ? `+${d}` : d));

/** A valid address for one of the rules. */
const validFor = (countries: CountryRule[]) =>
  fc.record<AddressValues>({
    firstName: filled(100),
    lastName: filled(100),
    line1: filled(200),
    line2: fc.string({ maxLength: 200 }),
    city: filled(100),
    region: filled(50),
    postalCode: filled(20),
    country: fc.constantFrom(...countries.map((c) => c.code)),
    phone,
    isDefaultShipping: fc.boolean(),
    isDefaultBilling: fc.boolean(),
  });

describe('validateAddress agrees with the country rules', () => {
  it('accepts every valid address', () => {
    fc.assert(fc.property(rules.chain((r) => fc.tuple(fc.constant(r), validFor(r))), ([r, a]) => {
      expect(validateAddress(a, r)).toEqual({});
    }));
  });

  it('asks for the region exactly where the country requires one', () => {
    fc.assert(fc.property(rules.chain((r) => fc.tuple(fc.constant(r), validFor(r))), fc.constantFrom('', '  '), ([r, a], blank) => {
      const rule = r.find((c) => c.code === a.country)!;
      const errors = validateAddress({ ...a, region: blank }, r);
      expect(Object.keys(errors)).toEqual(rule.requiresRegion ? ['region'] : []);
    }));
  });

  it('refuses a country the rules do not list, naming only that field', () => {
    fc.assert(fc.property(rules.chain((r) => fc.tuple(fc.constant(r), validFor(r), code.filter((c) => !r.some((x) => x.code === c)))), ([r, a, unknown]) => {
      expect(Object.keys(validateAddress({ ...a, country: unknown, region: 'X' }, r))).toEqual(['country']);
    }));
  });

  it('names each blank required field and each field over its limit', () => {
    fc.assert(fc.property(rules.chain((r) => fc.tuple(fc.constant(r), validFor(r))), fc.constantFrom(...(Object.keys(ADDRESS_LIMITS) as (keyof typeof ADDRESS_LIMITS)[])), ([r, a], field) => {
      const [required, max] = ADDRESS_LIMITS[field];
      if (required) expect(Object.keys(validateAddress({ ...a, [field]: ' ' }, r))).toEqual([field]);
      expect(Object.keys(validateAddress({ ...a, [field]: 'x'.repeat(max + 1) }, r))).toEqual([field]);
    }));
  });

  it('checks the phone: 4 to 15 digits in the usual punctuation', () => {
    const r: CountryRule[] = [{ code: 'US', name: 'United States', requiresRegion: true, postalCodeExample: '94105' }];
    const a: AddressValues = { firstName: 'Ada', lastName: 'L', line1: '1 Main St', line2: '', city: 'SF', region: 'CA', postalCode: '94105', country: 'US', phone: '+1 (415) 555-0123', isDefaultShipping: false, isDefaultBilling: false };
    expect(validateAddress(a, r)).toEqual({});
    for (const bad of ['', '123', 'call me', '+1 234 567 890 123 456']) expect(Object.keys(validateAddress({ ...a, phone: bad }, r))).toEqual(['phone']);
  });
});

describe('toAddressInput / fromAddress', () => {
  it('trims, sends empty optional fields as null and reads them back as empty strings', () => {
    fc.assert(fc.property(rules.chain(validFor), fc.constantFrom('', '  '), (a, blank) => {
      const input = toAddressInput({ ...a, line2: blank, region: blank });
      expect(input.line2).toBeNull();
      expect(input.region).toBeNull();
      expect(input.firstName).toBe(a.firstName.trim());
      const back = fromAddress({ ...input, id: 'x', line2: input.line2 ?? null, region: input.region ?? null, isDefaultShipping: a.isDefaultShipping, isDefaultBilling: a.isDefaultBilling } as never);
      expect(back.line2).toBe('');
      expect(back.region).toBe('');
    }));
  });
});
