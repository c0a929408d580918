import type { NexusError } from '@nexus/client';
import { useMutation, useSession } from '@nexus/client/react';
import { session } from '@nexus/client/session';
import { Button, Spinner } from '@nexus/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AuthCard } from '../components/AuthCard';
import { TextLink } from '../components/TextLink';
import { formMessage } from '../form/serverErrors';
import { VerifyEmailDocument } from '../gql/graphql';
import { ResendVerification } from './ResendVerification';

/** What the page says about a token the server refused, or a URL without one. */
export const VERIFY_LINK_INVALID = 'This verification link is invalid or has expired. Links work once, for 48 hours.';

type State = { s: 'verifying' } | { s: 'verified' } | { s: 'invalid' } | { s: 'failed'; message: string };

/**
 * /account/verify-email?token=…: verifies once on arrival. Verified: says so (and the signed-in session learns it, so
 * the account banner goes). Refused: says the link is invalid or expired, with "Resend verification email" when signed
 * in, else a way to sign in. Offline or a server failure: says so, with "Try again".
 */
export default function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, user } = useSession();
  const [verify] = useMutation(VerifyEmailDocument);
  const [state, setState] = useState<State>(token ? { s: 'verifying' } : { s: 'invalid' });
  const started = useRef('');

  const run = useCallback(async () => {
    setState({ s: 'verifying' });
    try {
      const r = await verify({ token });
      if (session.get().user?.id === r.verifyEmail.id) session.updateUser({ emailVerified: true });
      setState({ s: 'verified' });
    } catch (e) {
      const err = e as NexusError;
      if (err.kind === 'graphql' && (err.code === 'INVALID' || err.code === 'NOT_FOUND' || err.code === 'BAD_USER_INPUT')) setState({ s: 'invalid' });
      else setState({ s: 'failed', message: formMessage(err) });
    }
  }, [verify, token]);

  useEffect(() => {
    // once per token (StrictMode runs effects twice; a token is single use)
    if (!token || started.current === token) return;
    started.current = token;
    void run();
  }, [token, run]);

  if (state.s === 'verifying')
    return (
      <AuthCard title="Verifying your email address">
        <Spinner label="Verifying your email address…" />
      </AuthCard>
    );
  if (state.s === 'verified')
    return (
      <AuthCard title="Your email address is verified">
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-200">
          Thank you. {status === 'signed-in' ? 'Your account is all set.' : 'You can now sign in.'}
        </p>
        <p className="mt-6">
          {status === 'signed-in' ? <TextLink to="/account">Go to your account</TextLink> : <TextLink to="/account/sign-in">Sign in</TextLink>}
        </p>
      </AuthCard>
    );
  if (state.s === 'failed')
    return (
      <AuthCard title="We could not verify your email address">
        <p role="alert" className="text-sm text-zinc-700 dark:text-zinc-200">
          {state.message}
        </p>
        <Button className="mt-6" onClick={() => void run()}>
          Try again
        </Button>
      </AuthCard>
    );
  return (
    <AuthCard title="Verification link not valid">
      <p role="alert" className="text-sm text-zinc-700 dark:text-zinc-200">
        {VERIFY_LINK_INVALID}
      </p>
      <div className="mt-6">
        {status === 'signed-in' && user && !user.emailVerified ? (
          <ResendVerification email={user.email} />
        ) : status === 'signed-in' ? (
          <TextLink to="/account">Go to your account</TextLink>
        ) : (
          <p className="text-sm text-zinc-700 dark:text-zinc-200">
            <TextLink to="/account/sign-in?next=%2Faccount%2Fverify-email">Sign in</TextLink> to get a new link.
          </p>
        )}
      </div>
    </AuthCard>
  );
}
