import { describe, expect, it } from 'vitest';
import { formMessage, toFormErrors } from './serverErrors.ts';

const gql = (...errors: { message: string; extensions?: Record<string, unknown> }[]) => ({ kind: 'graphql', message: errors[0]!.message, code: errors[0]!.extensions?.code as string, errors });

describe('toFormErrors', () => {
  it('puts each error under the field it names (input. stripped), every field at once (property 24)', () => {
    const e = gql(
      { message: 'email is already registered', extensions: { code: 'CONFLICT', field: 'input.email' } },
      { message: 'password is too short', extensions: { code: 'INVALID', field: 'input.password' } },
    );
    expect(toFormErrors(e, ['firstName', 'email', 'password'] as const)).toEqual({ fields: { email: 'Email is already registered', password: 'Password is too short' } });
  });

  it('an error naming a field the form does not have, or none, becomes the form message', () => {
    const e = gql({ message: 'email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } });
    expect(toFormErrors(e, ['email', 'password'] as const)).toEqual({ fields: {}, form: 'Email or password is incorrect.' });
    const odd = gql({ message: 'bad', extensions: { code: 'INVALID', field: 'input.somethingElse' } }, { message: 'short', extensions: { code: 'INVALID', field: 'input.password' } });
    expect(toFormErrors(odd, ['password'] as const)).toEqual({ fields: { password: 'Short' }, form: 'Bad.' });
  });

  it('network failures and throttling get plain words', () => {
    expect(toFormErrors({ kind: 'network', message: 'Failed to fetch' }, ['email'] as const).form).toMatch(/offline/);
    expect(formMessage(gql({ message: 'slow down', extensions: { code: 'TOO_MANY_REQUESTS', retryAfter: 30 } }))).toBe('Too many attempts. Please wait 30 seconds and try again.');
    expect(formMessage({ kind: 'http', status: 502, message: 'Bad gateway' })).toBe('Something went wrong on our side. Please try again.');
  });
});
