import { cx, focusRing } from '@nexus/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** An in-app text link in the kit's link colour. */
export function TextLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className={cx('rounded font-medium text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400', focusRing)}>
      {children}
    </Link>
  );
}
