import { buttonBase, buttonSizes, buttonVariants, cx } from '@nexus/ui';
import { useEffect } from 'react';
import { Link } from 'react-router';

/** A signed-in user on a page their role does not allow (a customer on /admin/*): says so, with a way on. */
export function NotAllowed() {
  useEffect(() => {
    const before = document.title;
    document.title = 'Not allowed — Nexus';
    return () => {
      document.title = before;
    };
  }, []);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-zinc-900 sm:text-4xl dark:text-white">You are not allowed to see this page</h1>
      <p className="mt-4 text-base text-zinc-600 dark:text-zinc-400">This page is for shop administrators. If you think you should have access, ask an administrator.</p>
      <div className="mt-8 flex gap-3">
        <Link to="/account" className={cx(buttonBase, buttonVariants.secondary, buttonSizes.md)}>
          My account
        </Link>
        <Link to="/products" className={cx(buttonBase, buttonVariants.primary, buttonSizes.md)}>
          Back to the catalog
        </Link>
      </div>
    </div>
  );
}
