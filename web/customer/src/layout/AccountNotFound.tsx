import { Link } from 'react-router';
import { EmptyState, buttonBase, buttonSizes, buttonVariants, cx } from '@nexus/ui';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** An unknown path under /account. */
export function AccountNotFound() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1 className="sr-only">Page not found</h1>
      <EmptyState
        title="This account page does not exist"
        action={
          <Link to="/account" className={cx(buttonBase, buttonVariants.secondary, buttonSizes.md)}>
            Go to your profile
          </Link>
        }
      />
    </>
  );
}
