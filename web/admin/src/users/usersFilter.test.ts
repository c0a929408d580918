import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH, parseUsersFilter, toUserFilter, usersFilterParams, type UsersFilterState } from './usersFilter';

const state = fc.record<UsersFilterState>({
  q: fc.string({ maxLength: MAX_SEARCH }).map((s) => s.trim()),
  role: fc.constantFrom('', 'CUSTOMER', 'ADMIN'),
  status: fc.constantFrom('', 'active', 'disabled'),
});

describe('users filter in the URL', () => {
  it('round-trips every filter through the URL', () => {
    fc.assert(fc.property(state, (s) => {
        expect(parseUsersFilter(new URLSearchParams(usersFilterParams(s).toString()))).toEqual(s);
      }));
  });

  it('ignores unknown roles and statuses and caps the search at 200 characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ minLength: MAX_SEARCH + 1, maxLength: 400 }), (role, status, q) => {
        fc.pre(!['CUSTOMER', 'ADMIN'].includes(role) && !['active', 'disabled'].includes(status));
        const f = parseUsersFilter(new URLSearchParams({ role, status, q }));
        expect(f.role).toBe('');
        expect(f.status).toBe('');
        expect([...f.q].length).toBeLessThanOrEqual(MAX_SEARCH);
      }),
    );
  });

  it('maps to the API filter: nothing set is null, status to disabled', () => {
    expect(toUserFilter({ q: '', role: '', status: '' })).toBeNull();
    expect(toUserFilter({ q: 'ada', role: 'ADMIN', status: 'active' })).toEqual({ search: 'ada', role: 'ADMIN', disabled: false });
    expect(toUserFilter({ q: '', role: '', status: 'disabled' })).toEqual({ disabled: true });
  });
});
