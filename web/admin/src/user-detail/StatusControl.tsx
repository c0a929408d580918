import { useState } from 'react';
import { Button, ConfirmDialog, TextArea } from '@nexus/ui';
import { useClient, useMutation } from '@nexus/client/react';
import { DisableUserDocument, EnableUserDocument, type AdminUserQuery } from '../gql/graphql';
import { saveFailure } from '../lib/formSubmit';

type User = NonNullable<AdminUserQuery['user']>;

/** Longest reason accepted for disabling (kept short: it is an audit note, not a letter). */
export const MAX_REASON = 500;

/** The reason's check: required, at most MAX_REASON characters. */
export function reasonError(reason: string): string | undefined {
  const r = reason.trim();
  if (r === '') return 'Enter a reason for disabling this account.';
  if ([...r].length > MAX_REASON) return `The reason must be at most ${MAX_REASON} characters.`;
  return undefined;
}

/**
 * Disables an account (a reason is required) or enables it again, each after a confirmation. Disabling ends
 * every session and access token of the user at once.
 */
export function StatusControl({ user }: { user: User }) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [disable, { loading: disabling }] = useMutation(DisableUserDocument);
  const [enable, { loading: enabling }] = useMutation(EnableUserDocument);
  const name = `${user.firstName} ${user.lastName}`;
  const start = () => {
    setReason('');
    setFieldError(undefined);
    setError(undefined);
    setOpen(true);
  };
  const confirm = async () => {
    setError(undefined);
    if (!user.disabled) {
      const invalid = reasonError(reason);
      setFieldError(invalid);
      if (invalid) return;
    }
    try {
      if (user.disabled) await enable({ id: user.id });
      else await disable({ id: user.id, reason: reason.trim() });
      setOpen(false);
      client.invalidate('User', user.id);
    } catch (err) {
      const f = saveFailure(err, ['reason']);
      setFieldError(f.fields.reason);
      setError(f.other.join(' ') || undefined);
    }
  };
  return (
    <section aria-labelledby="status-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="status-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Account status
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {user.disabled ? 'This account is disabled: it cannot sign in.' : 'This account is active.'}
      </p>
      <Button variant={user.disabled ? 'secondary' : 'danger'} onClick={start}>
        {user.disabled ? 'Enable account' : 'Disable account'}
      </Button>
      <ConfirmDialog
        open={open}
        title={user.disabled ? `Enable ${name}'s account?` : `Disable ${name}'s account?`}
        confirmLabel={user.disabled ? 'Enable account' : 'Disable account'}
        variant={user.disabled ? 'primary' : 'danger'}
        busy={disabling || enabling}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        {user.disabled ? (
          <p>{name} will be able to sign in again. Sessions ended by disabling stay ended.</p>
        ) : (
          <>
            <p>{name} will be signed out everywhere at once and cannot sign in until the account is enabled again.</p>
            <TextArea label="Reason" aria-required="true" maxLength={MAX_REASON} value={reason} error={fieldError} onChange={(e) => setReason(e.target.value)} />
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
