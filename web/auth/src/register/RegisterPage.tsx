import { useMutation, useQuery, useSession } from '@nexus/client/react';
import { session } from '@nexus/client/session';
import { ErrorSummary, TextField } from '@nexus/ui';
import { Navigate, useNavigate } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { SubmitButton } from '../components/SubmitButton';
import { TextLink } from '../components/TextLink';
import { useForm } from '../form/useForm';
import { checkEmail, checkNewPassword, checkRequired, DEFAULT_RULES, passwordHint } from '../form/validate';
import { PasswordPolicyDocument, RegisterDocument } from '../gql/graphql';
import { useNext, withNext } from '../session/useNext';

/**
 * /account/register: name, email and a password checked against the server's `passwordPolicy` before it is sent.
 * The server's field errors (an email already registered, a password it refuses) appear under their fields.
 * Success signs in (every tab) and goes to `next`; the verification mail is on its way.
 */
export default function RegisterPage() {
  const next = useNext();
  const navigate = useNavigate();
  const { status } = useSession();
  const policy = useQuery(PasswordPolicyDocument, {}, { staleTime: 3_600_000 });
  const rules = policy.data?.passwordPolicy ?? DEFAULT_RULES;
  const [register] = useMutation(RegisterDocument);
  const form = useForm({
    initial: { firstName: '', lastName: '', email: '', password: '' },
    labels: { firstName: 'First name', lastName: 'Last name', email: 'Email', password: 'Password' },
    checks: { firstName: checkRequired('first name'), lastName: checkRequired('last name'), email: checkEmail, password: checkNewPassword(rules) },
    async submit(v) {
      const r = await register({ input: { firstName: v.firstName.trim(), lastName: v.lastName.trim(), email: v.email.trim(), password: v.password } });
      session.signedIn(r.register);
      navigate(next, { replace: true });
    },
  });
  if (status === 'signed-in' && !form.pending) return <Navigate to={next} replace />;
  return (
    <AuthCard
      title="Create an account"
      intro="Save addresses and payment methods, keep a wishlist and check out faster."
      footer={
        <p>
          Already have an account? <TextLink to={withNext('/account/sign-in', next)}>Sign in</TextLink>
        </p>
      }
    >
      <form noValidate onSubmit={form.onSubmit} className="space-y-4" aria-label="Create an account">
        <ErrorSummary ref={form.summaryRef} items={form.summary} message={form.errors.form} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...form.field('firstName')} label="First name" autoComplete="given-name" />
          <TextField {...form.field('lastName')} label="Last name" autoComplete="family-name" />
        </div>
        <TextField {...form.field('email')} label="Email" type="email" autoComplete="email" inputMode="email" spellCheck={false} />
        <TextField {...form.field('password')} label="Password" type="password" autoComplete="new-password" hint={passwordHint(rules)} />
        <SubmitButton pending={form.pending}>Create account</SubmitButton>
      </form>
    </AuthCard>
  );
}
