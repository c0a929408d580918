import { cx } from './cx.ts';

/** Props of {@link Spinner}. */
export interface SpinnerProps {
  /** Accessible text; the spinner is announced as a status. Pass null when a parent already announces the busy state. */
  label?: string | null;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

const sizes = { sm: 'h-4 w-4', md: 'h-6 w-6', lg: 'h-10 w-10' } as const;

/** An indeterminate activity indicator for work whose length is unknown (a button in flight, a lazy region). */
export function Spinner({ label = 'Loading…', size = 'md', className }: SpinnerProps) {
  const svg = (
    <svg className={cx('animate-spin text-current motion-reduce:animate-none', sizes[size], className)} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle className="opacity-25" cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="4" />
      <path className="opacity-75" fill="currentColor" d="M4 12a8 8 0 0 1 8-8v4a4 4 0 0 0-4 4H4z" />
    </svg>
  );
  if (label === null) return svg;
  return (
    <span role="status" className="inline-flex items-center">
      {svg}
      <span className="sr-only">{label}</span>
    </span>
  );
}
