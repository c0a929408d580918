import { describe, expect, it } from 'vitest';
import { formMessage, toFormErrors } from './serverErrors.ts';

const gql = (...errors: { message: string; extensions?: Record<string, unknown> }[]) => ({ kind: 'graphql', message: errors[0]!.message, code: errors[0]!.extensions?.code as string, errors });

describe('toFormErrors', () => {
  it('puts each error under the field it names (input. stripped), every field at once (property 24)', () => {
    const e = gql(
      { message: 'is already registered', extensions: { code: 'CONFLICT', field: 'input.email' } },
      { message: 'must be at least 10 characters', extensions: { code: 'INVALID', field: 'input.password' } },
    );
    expect(toFormErrors(e, { firstName: 'First name', email: 'Email', password: 'Password' })).toEqual({
      fields: { email: 'Email is already registered', password: 'Password must be at least 10 characters' },
    });
    const plain = gql({ message: 'is already registered', extensions: { code: 'INVALID', field: 'input.email' } }, { message: 'Use a longer one', extensions: { code: 'INVALID', field: 'input.password' } });
    expect(toFormErrors(plain, { email: 'Email', password: 'Password' })).toEqual({ fields: { email: 'Email is already registered', password: 'Use a longer one' } });
  });

  it('an error naming a field the form does not have, or none, becomes the form message', () => {
    const e = gql({ message: 'email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } });
    expect(toFormErrors(e, { email: 'Email', password: 'Password' })).toEqual({ fields: {}, form: 'Email or password is incorrect.' });
    const odd = gql({ message: 'bad', extensions: { code: 'INVALID', field: 'input.somethingElse' } }, { message: 'short', extensions: { code: 'INVALID', field: 'input.password' } });
    expect(toFormErrors(odd, { password: 'Password' })).toEqual({ fields: { password: 'Password short' }, form: 'Bad.' });
  });

  it('network failures and throttling get plain words', () => {
    expect(toFormErrors({ kind: 'network', message: 'Failed to fetch' }, { email: 'Email' }).form).toMatch(/offline/);
    expect(formMessage(gql({ message: 'slow down', extensions: { code: 'TOO_MANY_REQUESTS', retryAfter: 30 } }))).toBe('Too many attempts. Please wait 30 seconds and try again.');
    expect(formMessage({ kind: 'http', status: 502, message: 'Bad gateway' })).toBe('Something went wrong on our side. Please try again.');
  });
});
