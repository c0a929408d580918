import { buttonBase, buttonSizes, buttonVariants, cx } from '@nexus/ui';
import { useEffect } from 'react';
import { Link } from 'react-router';

/** The 404 page for any path no route or remote claims; a real page with a way back to the catalog. */
export function NotFound() {
  useEffect(() => {
    const before = document.title;
    document.title = 'Page not found — Nexus';
    return () => {
      document.title = before;
    };
  }, []);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-zinc-900 sm:text-4xl dark:text-white">Page not found</h1>
      <p className="mt-4 text-base text-zinc-600 dark:text-zinc-400">Sorry, we couldn’t find the page you’re looking for. It may have moved, or the link may be wrong.</p>
      <Link to="/products" className={cx(buttonBase, buttonVariants.primary, buttonSizes.md, 'mt-8')}>
        Back to the catalog
      </Link>
    </div>
  );
}
