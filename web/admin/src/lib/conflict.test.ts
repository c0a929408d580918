import { describe, expect, it } from 'vitest';
import { isConflict, isStale } from './conflict';

const err = (code: string, field?: string) => ({ errors: [{ message: 'm', extensions: { code, ...(field ? { field } : {}) } }] });

describe('conflicts', () => {
  it('tells an outdated version from a rule of the record', () => {
    expect(isStale(err('CONFLICT', 'input.version'))).toBe(true);
    expect(isStale(err('CONFLICT'))).toBe(true);
    expect(isStale(err('CONFLICT', 'input.options'))).toBe(false);
    expect(isConflict(err('CONFLICT', 'input.options'))).toBe(true);
    expect(isStale(err('INVALID', 'input.version'))).toBe(false);
    expect(isStale(new Error('offline'))).toBe(false);
  });
});
