import type { Role, UserFilter } from '../gql/graphql';

/** The user list's filter as the URL holds it (`?q=ada&role=ADMIN&status=disabled`), so a filtered list can be shared. */
export interface UsersFilterState {
  /** Free text: email, first or last name (at most 200 characters, as UserFilter.search). */
  q: string;
  role: Role | '';
  status: 'active' | 'disabled' | '';
}

/** Longest search the API accepts. */
export const MAX_SEARCH = 200;

const ROLES: ReadonlyArray<Role> = ['CUSTOMER', 'ADMIN'];

/** Reads the filter from the URL; unknown values are ignored (a hand-edited URL shows every user). */
export function parseUsersFilter(params: URLSearchParams): UsersFilterState {
  const role = params.get('role') ?? '';
  const status = params.get('status') ?? '';
  return {
    q: [...(params.get('q') ?? '').trim()].slice(0, MAX_SEARCH).join(''),
    role: ROLES.includes(role as Role) ? (role as Role) : '',
    status: status === 'active' || status === 'disabled' ? status : '',
  };
}

/** Writes the filter to URL parameters, leaving out what is not set. */
export function usersFilterParams(f: UsersFilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.role) p.set('role', f.role);
  if (f.status) p.set('status', f.status);
  return p;
}

/** The API's UserFilter for the state (null when nothing is filtered). */
export function toUserFilter(f: UsersFilterState): UserFilter | null {
  const out: UserFilter = {};
  if (f.q) out.search = f.q;
  if (f.role) out.role = f.role;
  if (f.status) out.disabled = f.status === 'disabled';
  return Object.keys(out).length > 0 ? out : null;
}
