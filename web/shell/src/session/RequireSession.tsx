import { useSession } from '@nexus/client/react';
import { signInPath, type Role } from '@nexus/client/session';
import { Spinner } from '@nexus/ui';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { NotAllowed } from '../routes/NotAllowed.tsx';

/**
 * Guards a protected page (seed properties 18 and 19): while the session is being restored from the cookie it shows a
 * spinner (never the page, never a redirect); signed out, it replaces the URL with /account/sign-in?next=<this
 * page>, which comes back here after signing in; signed in without the role, it shows "not allowed".
 */
export function RequireSession({ role, children }: { role?: Role; children: ReactNode }) {
  const { status, user } = useSession();
  const { pathname, search, hash } = useLocation();
  if (status === 'loading')
    return (
      <div className="flex justify-center px-4 py-24">
        <Spinner label="Checking your session…" />
      </div>
    );
  if (status === 'signed-out' || !user) return <Navigate to={signInPath(pathname + search + hash)} replace />;
  if (role && user.role !== role) return <NotAllowed />;
  return <>{children}</>;
}
