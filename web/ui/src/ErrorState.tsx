import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { cx } from './cx.ts';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  title?: ReactNode;
  message?: ReactNode;
  /** When given, a retry button is shown (seed property 30: every network error offers a retry). */
  onRetry?: () => void;
  retryLabel?: string;
  /** True while the retry is running: the button shows its loading state. */
  retrying?: boolean;
  headingLevel?: 2 | 3;
  className?: string;
}

/** A failed region: what went wrong in plain words and a retry button; announced as an alert. */
export function ErrorState({ title = 'Something went wrong', message, onRetry, retryLabel = 'Try again', retrying, headingLevel = 2, className }: ErrorStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div role="alert" className={cx('flex flex-col items-center justify-center rounded-xl border border-red-200 bg-red-50 px-6 py-10 text-center dark:border-red-900/60 dark:bg-red-950/30', className)}>
      <svg className="mb-3 h-8 w-8 text-red-500" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
        <path strokeLinecap="round" strokeLinejoin="round" d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
      </svg>
      <Heading className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</Heading>
      {message ? <p className="mt-1 max-w-md text-sm text-zinc-700 dark:text-zinc-300">{message}</p> : null}
      {onRetry ? (
        <Button className="mt-4" variant="secondary" onClick={onRetry} loading={retrying}>
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
