import { useMutation, useSession } from '@nexus/client/react';
import { session } from '@nexus/client/session';
import { Button } from '@nexus/ui';
import { useState } from 'react';

const RESEND = 'mutation ResendVerification { resendVerification }';

/**
 * Above the account pages while the signed-in user's email address is not verified: says so, and "Resend
 * verification email" sends a new link (at most one a minute; the answer says when it was not sent and why).
 */
export function EmailVerificationBanner() {
  const { user } = useSession();
  const [resend, { loading }] = useMutation<{ resendVerification: boolean }, Record<string, never>>(RESEND);
  const [note, setNote] = useState('');
  if (!user || user.emailVerified) return null;
  const onResend = async () => {
    setNote('');
    try {
      const r = await resend({});
      if (r.resendVerification) setNote(`We sent a new verification link to ${user.email}.`);
      else {
        session.updateUser({ emailVerified: true });
        setNote('Your email address is already verified.');
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      setNote(code === 'TOO_MANY_REQUESTS' ? 'A link was sent less than a minute ago. Please wait a moment before asking again.' : 'We could not send the link. Please try again.');
    }
  };
  return (
    <section aria-label="Email verification" className="border-b border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/60">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm text-amber-900 sm:px-6 lg:px-8 dark:text-amber-100">
        <p className="flex-1">
          Please verify your email address: open the link we sent to <strong>{user.email}</strong>.
        </p>
        <Button variant="secondary" size="sm" loading={loading} onClick={onResend}>
          Resend verification email
        </Button>
        <p role="status" className="w-full empty:hidden">
          {note}
        </p>
      </div>
    </section>
  );
}
