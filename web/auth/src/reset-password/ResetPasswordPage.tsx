import { fieldErrors, type NexusError } from '@nexus/client';
import { useMutation, useQuery } from '@nexus/client/react';
import { ErrorSummary, TextField } from '@nexus/ui';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { SubmitButton } from '../components/SubmitButton';
import { TextLink } from '../components/TextLink';
import { useForm } from '../form/useForm';
import { checkNewPassword, DEFAULT_RULES, passwordHint } from '../form/validate';
import { PasswordPolicyDocument, ResetPasswordDocument } from '../gql/graphql';

/** What the page says about a link the server refused (unknown, used or expired token) or a URL without one. */
export const RESET_LINK_INVALID = 'This password reset link is invalid or has expired. Links work once, for one hour.';

const newLink = (
  <p>
    <TextLink to="/account/forgot-password">Request a new reset link</TextLink>
  </p>
);

/**
 * /account/reset-password?token=…: a new password (twice), checked against the policy. The server's verdict on the
 * token (INVALID on `input.token`) turns the page into "invalid or expired" with a link to request a new one;
 * success says so and links to sign in (every session of the account has ended).
 */
export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'form' | 'done' | 'invalid'>(token ? 'form' : 'invalid');
  const policy = useQuery(PasswordPolicyDocument, {}, { staleTime: 3_600_000 });
  const rules = policy.data?.passwordPolicy ?? DEFAULT_RULES;
  const [reset] = useMutation(ResetPasswordDocument);
  const form = useForm({
    initial: { newPassword: '', confirm: '' },
    labels: { newPassword: 'New password', confirm: 'Confirm new password' },
    checks: {
      newPassword: checkNewPassword(rules),
      confirm: (v, all) => (!v ? 'Enter the new password again' : v !== all.newPassword ? 'The passwords do not match' : undefined),
    },
    async submit(v) {
      try {
        await reset({ input: { token, newPassword: v.newPassword } });
        setState('done');
      } catch (e) {
        if (fieldErrors(e as NexusError).token) setState('invalid');
        else throw e;
      }
    },
  });
  if (state === 'invalid')
    return (
      <AuthCard title="Reset link not valid" footer={newLink}>
        <p role="alert" className="text-sm text-zinc-700 dark:text-zinc-200">
          {RESET_LINK_INVALID}
        </p>
      </AuthCard>
    );
  if (state === 'done')
    return (
      <AuthCard title="Your password has been reset">
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-200">
          You can now sign in with your new password. For your safety, every device that was signed in has been signed out.
        </p>
        <p className="mt-6">
          <TextLink to="/account/sign-in">Sign in</TextLink>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard title="Choose a new password" footer={newLink}>
      <form noValidate onSubmit={form.onSubmit} className="space-y-4" aria-label="Choose a new password">
        <ErrorSummary ref={form.summaryRef} items={form.summary} message={form.errors.form} />
        <TextField {...form.field('newPassword')} label="New password" type="password" autoComplete="new-password" hint={passwordHint(rules)} />
        <TextField {...form.field('confirm')} label="Confirm new password" type="password" autoComplete="new-password" />
        <SubmitButton pending={form.pending}>Reset password</SubmitButton>
      </form>
    </AuthCard>
  );
}
