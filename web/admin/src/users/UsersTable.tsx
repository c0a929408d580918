import { useState } from 'react';
import { Button, EmptyState } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminUsersDocument } from '../gql/graphql';
import { LoadFailed } from '../lib/LoadFailed';
import { UserRows } from './UserRows';
import { toUserFilter, type UsersFilterState } from './usersFilter';

/** Users per page ("Load more" fetches the next one). */
export const PAGE_SIZE = 20;

/**
 * The filtered user table with cursor pagination: the first page gives the total; each "Load more" adds a page
 * (its own query, its own `<tbody>`) after the previous page's `endCursor`. Remounted when the filter changes.
 */
export function UsersTable({ filter, onClear }: { filter: UsersFilterState; onClear: () => void }) {
  const variables = { first: PAGE_SIZE, after: null, filter: toUserFilter(filter) };
  const first = useQuery(AdminUsersDocument, variables);
  const [afters, setAfters] = useState<string[]>([]);
  const [last, setLast] = useState<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  const firstInfo = first.data?.users.pageInfo;
  const pageInfo = afters.length === 0 ? firstInfo : last;

  if (first.loading) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading users…
      </p>
    );
  }
  if (!first.data) return <LoadFailed what="the users" error={first.error} onRetry={first.refetch} retrying={first.fetching} />;
  const total = first.data.users.totalCount;
  if (total === 0) {
    return <EmptyState title="No users match" description="Try another search or clear the filters." action={<Button variant="secondary" onClick={onClear}>Clear filters</Button>} />;
  }
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {total === 1 ? '1 user' : `${total.toLocaleString('en')} users`}
      </p>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="min-w-full divide-y divide-zinc-200 text-left text-sm dark:divide-zinc-800">
          <caption className="sr-only">Users</caption>
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Email</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2 font-medium">Created</th>
            </tr>
          </thead>
          <UserRows edges={first.data.users.edges} />
          {afters.map((after, i) => (
            <UserRows key={after} variables={{ ...variables, after }} onPageInfo={i === afters.length - 1 ? setLast : undefined} />
          ))}
        </table>
      </div>
      {pageInfo?.hasNextPage && pageInfo.endCursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => setAfters((a) => [...a, pageInfo.endCursor as string])}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
