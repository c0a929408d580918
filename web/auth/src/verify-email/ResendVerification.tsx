import type { NexusError } from '@nexus/client';
import { useMutation } from '@nexus/client/react';
import { session } from '@nexus/client/session';
import { Button } from '@nexus/ui';
import { useState } from 'react';
import { formMessage } from '../form/serverErrors';
import { ResendVerificationDocument } from '../gql/graphql';

/** "Resend verification email" for the signed-in user, with the outcome in a status line (at most one mail a minute). */
export function ResendVerification({ email }: { email: string }) {
  const [resend, { loading }] = useMutation(ResendVerificationDocument);
  const [note, setNote] = useState('');
  const onClick = async () => {
    setNote('');
    try {
      const r = await resend();
      if (r.resendVerification) setNote(`We sent a new verification link to ${email}.`);
      else {
        session.updateUser({ emailVerified: true });
        setNote('Your email address is already verified.');
      }
    } catch (e) {
      setNote(formMessage(e as NexusError));
    }
  };
  return (
    <div>
      <Button onClick={() => void onClick()} loading={loading}>
        Resend verification email
      </Button>
      <p role="status" className="mt-3 text-sm text-zinc-700 empty:hidden dark:text-zinc-200">
        {note}
      </p>
    </div>
  );
}
