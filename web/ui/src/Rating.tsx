import { cx } from './cx.ts';

/** Props of {@link Rating}. */
export interface RatingProps {
  /** Average rating, 0..max; null when there are no reviews yet. */
  value: number | null | undefined;
  count?: number;
  max?: number;
  /** Show the review count next to the stars. */
  showCount?: boolean;
  className?: string;
}

/** The accessible name of a rating, e.g. "Rated 4.3 out of 5, 12 reviews"; exported for tests and for callers that need the text. */
export function ratingLabel(value: number | null | undefined, count?: number, max = 5): string {
  if (value == null || count === 0) return 'Not rated yet';
  const rounded = Math.round(value * 10) / 10;
  const reviews = count == null ? '' : `, ${count} ${count === 1 ? 'review' : 'reviews'}`;
  return `Rated ${rounded} out of ${max}${reviews}`;
}

const star = 'M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5z';

/** Star rating shown as one image with a spoken label; partial stars are drawn with a clipped overlay. */
export function Rating({ value, count, max = 5, showCount = true, className }: RatingProps) {
  const v = Math.max(0, Math.min(max, value ?? 0));
  return (
    <span className={cx('inline-flex items-center gap-1', className)}>
      <span role="img" aria-label={ratingLabel(value, count, max)} className="inline-flex">
        {Array.from({ length: max }, (_, i) => {
          const fill = Math.max(0, Math.min(1, v - i));
          return (
            <span key={i} className="relative inline-block h-4 w-4" aria-hidden="true">
              <svg viewBox="0 0 20 20" className="absolute inset-0 h-4 w-4 text-zinc-300 dark:text-zinc-600" fill="currentColor">
                <path d={star} />
              </svg>
              <span className="absolute inset-0 overflow-hidden" style={{ width: `${fill * 100}%` }}>
                <svg viewBox="0 0 20 20" className="h-4 w-4 text-amber-400" fill="currentColor">
                  <path d={star} />
                </svg>
              </span>
            </span>
          );
        })}
      </span>
      {showCount && count != null ? (
        <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">
          ({count})
        </span>
      ) : null}
    </span>
  );
}
