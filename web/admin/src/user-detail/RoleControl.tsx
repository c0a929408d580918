import { useState } from 'react';
import { Button, ConfirmDialog, Select } from '@nexus/ui';
import { useClient, useMutation } from '@nexus/client/react';
import { SetUserRoleDocument, type AdminUserQuery, type Role } from '../gql/graphql';
import { saveFailure } from '../lib/formSubmit';

type User = NonNullable<AdminUserQuery['user']>;
const LABEL: Record<Role, string> = { CUSTOMER: 'Customer', ADMIN: 'Admin' };

/**
 * Changes a user's role after a confirmation. The server refuses an admin's own role change and says so; the
 * dialog shows that message. Tokens issued before the change stop working (the user signs in again).
 */
export function RoleControl({ user }: { user: User }) {
  const client = useClient();
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [setUserRole, { loading }] = useMutation(SetUserRoleDocument);
  const name = `${user.firstName} ${user.lastName}`;
  const confirm = async () => {
    setError(undefined);
    try {
      await setUserRole({ id: user.id, role });
      setConfirming(false);
      client.invalidate('User', user.id);
    } catch (err) {
      setError(saveFailure(err, []).other.join(' '));
    }
  };
  return (
    <section aria-labelledby="role-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="role-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Permissions
      </h2>
      <div className="flex flex-wrap items-end gap-2">
        <Select
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={[
            { value: 'CUSTOMER', label: 'Customer' },
            { value: 'ADMIN', label: 'Admin' },
          ]}
        />
        <Button
          variant="secondary"
          disabled={role === user.role}
          onClick={() => {
            setError(undefined);
            setConfirming(true);
          }}
        >
          Change role
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Make ${name} ${role === 'ADMIN' ? 'an admin' : 'a customer'}?`}
        confirmLabel="Change role"
        variant="primary"
        busy={loading}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {name}'s role changes from {LABEL[user.role]} to {LABEL[role]}. Their current access tokens stop working; they keep their sessions and get
          the new role on the next refresh.
        </p>
      </ConfirmDialog>
    </section>
  );
}
