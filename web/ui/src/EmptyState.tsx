import type { ReactNode } from 'react';
import { cx } from './cx.ts';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** A way forward, e.g. a "Clear filters" button. */
  action?: ReactNode;
  icon?: ReactNode;
  /** Heading level of the title so it fits the page outline. */
  headingLevel?: 2 | 3;
  className?: string;
}

/** What a list shows when it has nothing (no results, nothing in a category), with a way forward. */
export function EmptyState({ title, description, action, icon, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={cx('flex flex-col items-center justify-center rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700', className)}>
      {icon ? <div className="mb-3 text-zinc-400" aria-hidden="true">{icon}</div> : null}
      <Heading className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</Heading>
      {description ? <p className="mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
