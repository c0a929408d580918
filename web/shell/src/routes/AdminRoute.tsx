import { RequireSession } from '../session/RequireSession.tsx';
import { RemotePage } from './RemotePage.tsx';

/** /admin/*: the admin remote (users, products, reviews), for signed-in ADMINs only; a customer sees "not allowed". */
export function AdminRoute() {
  return (
    <RequireSession role="ADMIN">
      <RemotePage remote="admin" what="the admin pages" />
    </RequireSession>
  );
}
