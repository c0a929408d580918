import { cx } from './cx.ts';
import { focusRing } from './focusRing.ts';

/** Props of {@link Chip}. */
export interface ChipProps {
  label: string;
  /** When given the chip has a remove button. */
  onRemove?: () => void;
  /** Accessible name of the remove button; default "Remove filter: <label>". */
  removeLabel?: string;
  className?: string;
}

/** A compact token (an active filter) with an optional remove button named after what it removes. */
export function Chip({ label, onRemove, removeLabel, className }: ChipProps) {
  return (
    <span className={cx('inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-200', !onRemove && 'pr-3', className)}>
      {label}
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel ?? `Remove filter: ${label}`}
          className={cx('inline-flex h-5 w-5 items-center justify-center rounded-full hover:bg-indigo-100 dark:hover:bg-indigo-500/25', focusRing)}
        >
          <svg viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="currentColor" aria-hidden="true">
            <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
          </svg>
        </button>
      ) : null}
    </span>
  );
}
