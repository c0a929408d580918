import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateName } from './NameForm';
import { MAX_REASON, reasonError } from './StatusControl';

describe('admin form checks', () => {
  it('names: 1 to 100 characters after trimming, each field named', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() !== ''), (name) => {
        expect(validateName({ firstName: name, lastName: name })).toEqual({});
      }),
    );
    expect(validateName({ firstName: '  ', lastName: 'x'.repeat(101) })).toEqual({
      firstName: 'Enter a first name.',
      lastName: 'The last name must be at most 100 characters.',
    });
  });

  it('a disable reason is required and bounded', () => {
    expect(reasonError('   ')).toBe('Enter a reason for disabling this account.');
    expect(reasonError('x'.repeat(MAX_REASON + 1))).toBe(`The reason must be at most ${MAX_REASON} characters.`);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: MAX_REASON }).filter((s) => s.trim() !== ''), (r) => {
        expect(reasonError(r)).toBeUndefined();
      }),
    );
  });
});
