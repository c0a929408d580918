import { describe, expect, it } from 'vitest';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it('names offline, timeouts, rate limits and server trouble; never a raw server text', () => {
    expect(errorMessage({ kind: 'network' })).toMatch(/offline/);
    expect(errorMessage({ kind: 'timeout' })).toMatch(/too long/);
    expect(errorMessage({ kind: 'http', status: 429 })).toMatch(/Too many requests/);
    expect(errorMessage({ kind: 'http', status: 503 })).toMatch(/temporarily unavailable/);
    expect(errorMessage({ kind: 'graphql', code: 'SUBGRAPH_UNAVAILABLE' })).toMatch(/temporarily unavailable/);
    expect(errorMessage({ kind: 'graphql', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe('Something went wrong. Please try again.');
  });
});
