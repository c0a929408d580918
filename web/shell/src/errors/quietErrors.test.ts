import { describe, expect, it } from 'vitest';
import { isQuietError } from './quietErrors.ts';

describe('isQuietError', () => {
  it.each([
    [{ kind: 'graphql', code: 'INVALID' }, 'mutation', true],
    [{ kind: 'graphql', code: 'CONFLICT' }, 'mutation', true],
    [{ kind: 'graphql', code: 'UNAUTHENTICATED' }, 'mutation', true],
    [{ kind: 'graphql', code: 'TOO_MANY_REQUESTS' }, 'mutation', true],
    [{ kind: 'http', status: 429 }, 'mutation', true],
    [{ kind: 'graphql', code: 'UNAUTHENTICATED' }, 'query', true],
    [{ kind: 'http', status: 401 }, 'query', true],
    [{ kind: 'graphql', code: 'INVALID' }, 'query', false],
    [{ kind: 'graphql', code: 'INTERNAL' }, 'mutation', false],
    [{ kind: 'graphql', code: 'FORBIDDEN' }, 'mutation', false],
    [{ kind: 'network' }, 'mutation', false],
    [{ kind: 'http', status: 502 }, 'mutation', false],
  ] as const)('%j in a %s → quiet %s', (e, kind, quiet) => {
    expect(isQuietError({ message: 'x', ...e }, { kind })).toBe(quiet);
  });
});
