import { describe, expect, it } from 'vitest';
import { apiErrorMessage, type ErrorLike, humanizeField, OFFLINE_MESSAGE, SERVER_MESSAGE } from './errorMessage.ts';

const e = (over: Partial<ErrorLike>): ErrorLike => ({ kind: 'graphql', message: 'x', errors: [], ...over });

describe('apiErrorMessage', () => {
  it('says offline for network errors and timeouts', () => {
    expect(apiErrorMessage(e({ kind: 'network' }))).toBe(OFFLINE_MESSAGE);
    expect(apiErrorMessage(e({ kind: 'timeout' }))).toMatch(/^You appear to be offline/);
  });

  it.each([500, 502, 503, 504])('blames the server for HTTP %i', (status) => {
    expect(apiErrorMessage(e({ kind: 'http', status }))).toBe(SERVER_MESSAGE);
  });

  it('maps the auth and not-found codes', () => {
    expect(apiErrorMessage(e({ code: 'UNAUTHENTICATED' }))).toMatch(/sign in/);
    expect(apiErrorMessage(e({ code: 'FORBIDDEN' }))).toMatch(/permission/);
    expect(apiErrorMessage(e({ code: 'NOT_FOUND' }))).toMatch(/could not find/);
    expect(apiErrorMessage(e({ kind: 'http', status: 429 }))).toMatch(/Too many requests/);
  });

  it('names the field of an input error and keeps the server explanation', () => {
    const msg = apiErrorMessage(e({ code: 'BAD_USER_INPUT', field: 'filter.minPrice', errors: [{ message: 'must be at most maxPrice' }] }));
    expect(msg).toBe('Please check the min price: must be at most maxPrice');
    expect(apiErrorMessage(e({ code: 'INVALID', errors: [{ message: 'first must be ≤ 100' }] }))).toBe('Please check your input: first must be ≤ 100');
  });

  it('never shows unknown server texts, and hides unavailable subgraphs behind the server message', () => {
    expect(apiErrorMessage(e({ code: 'SOMETHING_NEW', errors: [{ message: 'pq: relation does not exist' }] }))).toBe('Something went wrong. Please try again.');
    expect(apiErrorMessage(e({ code: 'SUBGRAPH_UNAVAILABLE' }))).toBe(SERVER_MESSAGE);
  });

  it('humanizes field names', () => {
    expect(humanizeField('unitPrice')).toBe('unit price');
    expect(humanizeField('input.compare_at_price')).toBe('compare at price');
  });
});
