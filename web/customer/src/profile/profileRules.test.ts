import { describe, expect, it } from 'vitest';
import { LOCALES, validateProfile, type ProfileValues } from './profileRules';

const ok: ProfileValues = { firstName: 'Ada', lastName: 'Lovelace', phone: '', marketingEmails: false, locale: 'en' };

describe('validateProfile', () => {
  it('accepts an empty phone (it removes the number) and every offered language', () => {
    expect(validateProfile(ok)).toEqual({});
    for (const l of LOCALES) expect(validateProfile({ ...ok, locale: l.value })).toEqual({});
  });

  it('names each wrong field', () => {
    expect(validateProfile({ ...ok, firstName: ' ', lastName: 'x'.repeat(101), phone: '12', locale: 'e' })).toEqual({
      firstName: 'Enter your first name.',
      lastName: 'Your last name must be at most 100 characters.',
      phone: 'Enter a phone number with 4 to 15 digits, or leave it empty.',
      locale: 'Choose a language.',
    });
  });
});
