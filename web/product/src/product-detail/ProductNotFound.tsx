import { Link } from 'react-router';
import { buttonBase, buttonSizes, buttonVariants, cx } from '@nexus/ui';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** What `/products/<unknown slug>` shows: a clear heading and the way back to the catalog. */
export function ProductNotFound() {
  useDocumentTitle('Product not found');
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-zinc-50">Product not found</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">It may have been removed, or the link is mistyped.</p>
      <Link to="/products" className={cx('mt-6', buttonBase, buttonVariants.primary, buttonSizes.md)}>
        Back to all products
      </Link>
    </div>
  );
}
