import { useLocation } from 'react-router';
import { EmailVerificationBanner } from '../session/EmailVerificationBanner.tsx';
import { RequireSession } from '../session/RequireSession.tsx';
import { accountRemote } from './accountPaths.ts';
import { RemotePage } from './RemotePage.tsx';

/**
 * /account/*: the sign-in, registration, password and verification pages (auth remote, public), or the account pages
 * (customer remote), which need a session — signed out, they redirect to sign-in and come back — and carry a banner
 * while the email address is not verified. Both remotes route relative to /account.
 */
export function AccountRoute() {
  const { pathname } = useLocation();
  if (accountRemote(pathname) === 'auth') return <RemotePage key="auth" remote="auth" what="this page" />;
  return (
    <RequireSession>
      <EmailVerificationBanner />
      <RemotePage key="customer" remote="customer" what="your account" />
    </RequireSession>
  );
}
