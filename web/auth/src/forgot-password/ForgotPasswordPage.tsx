import { useMutation } from '@nexus/client/react';
import { ErrorSummary, TextField } from '@nexus/ui';
import { useState } from 'react';
import { AuthCard } from '../components/AuthCard';
import { SubmitButton } from '../components/SubmitButton';
import { TextLink } from '../components/TextLink';
import { useForm } from '../form/useForm';
import { checkEmail } from '../form/validate';
import { RequestPasswordResetDocument } from '../gql/graphql';

/** The confirmation, the same whether or not the address has an account (nothing is revealed). */
export const RESET_SENT = 'If an account exists for that email address, we have sent it a link to reset the password. The link is valid for one hour.';

/** /account/forgot-password: an email address; always the same confirmation afterwards. */
export default function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request] = useMutation(RequestPasswordResetDocument);
  const form = useForm({
    initial: { email: '' },
    labels: { email: 'Email' },
    checks: { email: checkEmail },
    async submit(v) {
      await request({ email: v.email.trim() });
      setSentTo(v.email.trim());
    },
  });
  const footer = (
    <p>
      Remembered it? <TextLink to="/account/sign-in">Sign in</TextLink>
    </p>
  );
  if (sentTo !== null)
    return (
      <AuthCard title="Check your email" footer={footer}>
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-200">
          {RESET_SENT}
        </p>
      </AuthCard>
    );
  return (
    <AuthCard title="Forgot your password?" intro="Enter the email address of your account and we will send you a link to choose a new password." footer={footer}>
      <form noValidate onSubmit={form.onSubmit} className="space-y-4" aria-label="Request a password reset">
        <ErrorSummary ref={form.summaryRef} items={form.summary} message={form.errors.form} />
        <TextField {...form.field('email')} label="Email" type="email" autoComplete="email" inputMode="email" spellCheck={false} />
        <SubmitButton pending={form.pending}>Send reset link</SubmitButton>
      </form>
    </AuthCard>
  );
}
