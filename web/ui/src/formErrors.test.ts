import { describe, expect, it } from 'vitest';
import { serverFormErrors } from './formErrors.ts';

const invalid = (field: string | undefined, message: string) => ({ message, extensions: { code: 'INVALID', ...(field ? { field } : {}) } });

describe('serverFormErrors', () => {
  it('strips the input path and keeps one message per field', () => {
    const r = serverFormErrors({
      message: 'x',
      errors: [invalid('input.postalCode', 'Enter a valid postal code'), invalid('input.postalCode', 'second'), invalid('input.phone', 'Enter a phone number')],
    });
    expect(r).toEqual({ fields: { postalCode: 'Enter a valid postal code', phone: 'Enter a phone number' }, other: [] });
  });

  it('puts errors without a field, and fields the form does not have, in other', () => {
    const r = serverFormErrors(
      { message: 'x', errors: [invalid(undefined, 'cannot change your own role'), invalid('input.secret', 'nope'), invalid('firstName', 'Too long')] },
      ['firstName'],
    );
    expect(r).toEqual({ fields: { firstName: 'Too long' }, other: ['cannot change your own role', 'nope'] });
  });

  it('uses the error message when there are no GraphQL errors (network, timeout)', () => {
    expect(serverFormErrors({ message: 'Failed to fetch' })).toEqual({ fields: {}, other: ['Failed to fetch'] });
  });
});
