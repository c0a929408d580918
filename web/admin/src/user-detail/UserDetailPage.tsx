import { Link, useParams } from 'react-router';
import { Badge, EmptyState, buttonBase, buttonSizes, buttonVariants, cx, focusRing } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminUserDocument } from '../gql/graphql';
import { LoadFailed } from '../lib/LoadFailed';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { CustomerData } from './CustomerData';
import { NameForm } from './NameForm';
import { RoleControl } from './RoleControl';
import { StatusControl } from './StatusControl';

/**
 * /admin/users/:id: one user's account (auth) and customer data (customer: profile, addresses, wishlist count),
 * with the admin's actions: edit the name, change the role, disable with a reason or enable — each confirmed,
 * each showing the server's refusal ("cannot change your own role") in plain sight.
 */
export default function UserDetailPage() {
  const { id = '' } = useParams();
  const { data, error, loading, fetching, refetch } = useQuery(AdminUserDocument, { id });
  const user = data?.user;
  useDocumentTitle(user ? `${user.firstName} ${user.lastName}` : data ? 'User not found' : 'User');

  const back = (
    <Link to="/admin/users" className={`text-sm text-indigo-700 hover:underline dark:text-indigo-300 ${focusRing}`}>
      ← All users
    </Link>
  );
  if (loading) {
    return (
      <>
        {back}
        <p role="status" className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
          Loading the user…
        </p>
      </>
    );
  }
  if (!data) {
    return (
      <>
        {back}
        <h1 className="sr-only">User</h1>
        <LoadFailed what="this user" error={error} onRetry={refetch} retrying={fetching} />
      </>
    );
  }
  if (!user) {
    return (
      <>
        <h1 className="sr-only">User not found</h1>
        <EmptyState
          title="User not found"
          description="There is no user with this id."
          action={
            <Link to="/admin/users" className={cx(buttonBase, buttonVariants.secondary, buttonSizes.md)}>
              Back to all users
            </Link>
          }
        />
      </>
    );
  }
  return (
    <div className="space-y-6" aria-busy={fetching || undefined}>
      {back}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">
          {user.firstName} {user.lastName}
        </h1>
        {user.role === 'ADMIN' ? <Badge tone="info">Admin</Badge> : <Badge>Customer</Badge>}
        {user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-zinc-500 dark:text-zinc-400">Email</dt>
        <dd className="text-zinc-900 dark:text-zinc-100">
          {user.email} {user.emailVerified ? '(verified)' : '(not verified)'}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">User id</dt>
        <dd className="font-mono text-zinc-900 dark:text-zinc-100">{user.id}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Created</dt>
        <dd className="text-zinc-900 dark:text-zinc-100">{new Date(user.createdAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}</dd>
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <NameForm key={user.id} user={user} />
        <RoleControl key={`role|${user.role}`} user={user} />
        <StatusControl user={user} />
        <CustomerData customer={data.customer} />
      </div>
    </div>
  );
}
