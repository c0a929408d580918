import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Select, SearchField } from '@nexus/ui';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { UsersTable } from './UsersTable';
import { parseUsersFilter, usersFilterParams, MAX_SEARCH, type UsersFilterState } from './usersFilter';

/** /admin/users: every user, newest first, searchable and filtered by role and status; the filter lives in the URL. */
export default function UsersPage() {
  useDocumentTitle('Users');
  const [params, setParams] = useSearchParams();
  const filter = parseUsersFilter(params);
  const [q, setQ] = useState(filter.q);
  const apply = (next: Partial<UsersFilterState>) => setParams(usersFilterParams({ ...filter, ...next }));
  const search = (e: FormEvent) => {
    e.preventDefault();
    apply({ q: q.trim() });
  };
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">Users</h1>
      <div className="mb-6 flex flex-wrap items-end gap-3">
        <form role="search" aria-label="Users" onSubmit={search} className="flex flex-1 items-end gap-2">
          <SearchField label="Search users" hint="Email, first or last name" className="min-w-56 flex-1" maxLength={MAX_SEARCH} value={q} onChange={(e) => setQ(e.target.value)} />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <Select
          label="Role"
          value={filter.role}
          onChange={(e) => apply({ role: e.target.value as UsersFilterState['role'] })}
          options={[
            { value: '', label: 'All roles' },
            { value: 'CUSTOMER', label: 'Customer' },
            { value: 'ADMIN', label: 'Admin' },
          ]}
        />
        <Select
          label="Status"
          value={filter.status}
          onChange={(e) => apply({ status: e.target.value as UsersFilterState['status'] })}
          options={[
            { value: '', label: 'All statuses' },
            { value: 'active', label: 'Active' },
            { value: 'disabled', label: 'Disabled' },
          ]}
        />
      </div>
      <UsersTable key={params.toString()} filter={filter} onClear={() => { setQ(''); setParams(new URLSearchParams()); }} />
    </>
  );
}
