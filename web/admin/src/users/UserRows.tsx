import { useEffect } from 'react';
import { Link } from 'react-router';
import { Badge, focusRing } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminUsersDocument, type AdminUsersQuery, type AdminUsersQueryVariables } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';

type Edge = AdminUsersQuery['users']['edges'][number];

/** Props of {@link UserRows}: either rows already loaded (the first page) or the variables of a later page. */
export type UserRowsProps =
  | { edges: ReadonlyArray<Edge>; variables?: undefined; onPageInfo?: undefined }
  | { edges?: undefined; variables: AdminUsersQueryVariables; onPageInfo?: (p: AdminUsersQuery['users']['pageInfo']) => void };

/** One page of the user table as a `<tbody>`; a later page loads itself and reports its pageInfo for "Load more". */
export function UserRows(props: UserRowsProps) {
  const page = useQuery(AdminUsersDocument, props.variables, { enabled: props.variables !== undefined });
  const info = page.data?.users.pageInfo;
  const { onPageInfo } = props;
  useEffect(() => {
    if (info) onPageInfo?.(info);
  }, [info, onPageInfo]);
  const edges = props.edges ?? page.data?.users.edges;
  if (!edges) {
    return (
      <tbody>
        <tr>
          <td colSpan={5} className="px-4 py-3 text-sm">
            {page.loading ? (
              <span role="status">Loading more users…</span>
            ) : (
              <span role="alert">
                {errorMessage(page.error)}{' '}
                <button type="button" className={`underline ${focusRing}`} onClick={page.refetch}>
                  Try again
                </button>
              </span>
            )}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {edges.map(({ node: u }) => (
        <tr key={u.id}>
          <th scope="row" className="px-4 py-2 font-medium text-zinc-900 dark:text-zinc-100">
            <Link to={`/admin/users/${u.id}`} className={`rounded text-indigo-700 hover:underline dark:text-indigo-300 ${focusRing}`}>
              {u.firstName} {u.lastName}
            </Link>
          </th>
          <td className="px-4 py-2 text-zinc-700 dark:text-zinc-300">{u.email}</td>
          <td className="px-4 py-2">{u.role === 'ADMIN' ? <Badge tone="info">Admin</Badge> : 'Customer'}</td>
          <td className="px-4 py-2">{u.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</td>
          <td className="px-4 py-2 text-zinc-700 dark:text-zinc-300">{new Date(u.createdAt).toLocaleDateString('en', { dateStyle: 'medium' })}</td>
        </tr>
      ))}
    </tbody>
  );
}
