import { useMutation, useSession } from '@nexus/client/react';
import { session } from '@nexus/client/session';
import { ErrorSummary, TextField } from '@nexus/ui';
import { Navigate, useNavigate } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { SubmitButton } from '../components/SubmitButton';
import { TextLink } from '../components/TextLink';
import { useForm } from '../form/useForm';
import { checkEmail } from '../form/validate';
import { SignInDocument } from '../gql/graphql';
import { useNext, withNext } from '../session/useNext';

/**
 * /account/sign-in: email and password. Success hands the session to the shell (every tab signs in) and goes to
 * `next` (seed property 19); wrong credentials get the server's one message for every cause, throttling says how
 * long to wait. A shopper who is (or becomes, in another tab) signed in goes straight on to `next`.
 */
export default function SignInPage() {
  const next = useNext();
  const navigate = useNavigate();
  const { status } = useSession();
  const [signIn] = useMutation(SignInDocument);
  const form = useForm({
    initial: { email: '', password: '' },
    labels: { email: 'Email', password: 'Password' },
    checks: { email: checkEmail, password: (v) => (v ? undefined : 'Enter your password') },
    async submit(v) {
      const r = await signIn({ input: { email: v.email.trim(), password: v.password } });
      session.signedIn(r.signIn);
      navigate(next, { replace: true });
    },
  });
  if (status === 'signed-in' && !form.pending) return <Navigate to={next} replace />;
  return (
    <AuthCard
      title="Sign in"
      intro="Welcome back. Sign in to see your account, addresses and wishlist."
      footer={
        <>
          <p>
            <TextLink to="/account/forgot-password">Forgot your password?</TextLink>
          </p>
          <p>
            New here? <TextLink to={withNext('/account/register', next)}>Create an account</TextLink>
          </p>
        </>
      }
    >
      <form noValidate onSubmit={form.onSubmit} className="space-y-4" aria-label="Sign in">
        <ErrorSummary ref={form.summaryRef} items={form.summary} message={form.errors.form} />
        <TextField {...form.field('email')} label="Email" type="email" autoComplete="email" inputMode="email" spellCheck={false} />
        <TextField {...form.field('password')} label="Password" type="password" autoComplete="current-password" />
        <SubmitButton pending={form.pending}>Sign in</SubmitButton>
      </form>
    </AuthCard>
  );
}
