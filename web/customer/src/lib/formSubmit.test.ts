import { NexusError } from '@nexus/client';
import { describe, expect, it } from 'vitest';
import { saveFailure, withoutPath } from './formSubmit';

const invalid = (field: string | undefined, message: string, code = 'INVALID') => ({ message, extensions: { code, ...(field ? { field } : {}) } });

describe('saveFailure', () => {
  it('puts the server errors on the fields they name (input. stripped), one per field', () => {
    const e = new NexusError('graphql', 'x', [invalid('input.postalCode', 'Enter a valid US ZIP code'), invalid('input.postalCode', 'second'), invalid('input.phone', 'Bad phone')]);
    expect(saveFailure(e, ['postalCode', 'phone'])).toEqual({ fields: { postalCode: 'Enter a valid US ZIP code', phone: 'Bad phone' }, other: [] });
  });

  it('shows refusals as the server wrote them and other failures in plain words', () => {
    const own = new NexusError('graphql', 'x', [invalid(undefined, 'you cannot change your own role', 'FORBIDDEN')]);
    expect(saveFailure(own, [])).toEqual({ fields: {}, other: ['you cannot change your own role'] });
    const internal = new NexusError('graphql', 'x', [invalid(undefined, 'pq: relation does not exist', 'INTERNAL')]);
    expect(saveFailure(internal, []).other).toEqual(['Something went wrong. Please try again.']);
    expect(saveFailure(new NexusError('network', 'Failed to fetch'), ['phone'])).toEqual({ fields: {}, other: ['You appear to be offline. Check your connection and try again.'] });
  });

  it('keeps a field the form does not have as a message', () => {
    const e = new NexusError('graphql', 'x', [invalid('input.token', 'The card token has expired')]);
    expect(saveFailure(e, ['holderName'])).toEqual({ fields: {}, other: ['The card token has expired'] });
  });
});

describe('withoutPath', () => {
  it('drops the input path in front of a field message and capitalises the rest', () => {
    expect(withoutPath('input.postalCode: is not a valid United States postal code (for example 94105)', 'postalCode')).toBe(
      'Is not a valid United States postal code (for example 94105)',
    );
    expect(withoutPath('postalCode: too long', 'postalCode')).toBe('Too long');
    expect(withoutPath('Enter a valid postal code', 'postalCode')).toBe('Enter a valid postal code');
    expect(withoutPath('is not valid', 'postalCode')).toBe('Is not valid');
  });
});

describe('saveFailure on a field the form does not have', () => {
  it('drops the path of the message it shows', () => {
    const e = new NexusError('graphql', 'x', [invalid('id', 'id: an admin cannot change their own role', 'FORBIDDEN')]);
    expect(saveFailure(e, [])).toEqual({ fields: {}, other: ['An admin cannot change their own role'] });
  });
});
