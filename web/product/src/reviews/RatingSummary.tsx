import { Rating } from '@nexus/ui';
import { distributionBars, formatAverage, reviewsText, type StarCount } from './ratingMath';

/** Props of {@link RatingSummary}. */
export interface RatingSummaryProps {
  rating: number;
  reviewCount: number;
  distribution: ReadonlyArray<StarCount>;
}

/**
 * The head of the reviews section: the mean ("4.3 out of 5"), its stars, the number of reviews and one bar per
 * star count. The bars are a list whose items read "5 stars: 12 reviews, 44%"; the drawn bar is decoration.
 */
export function RatingSummary({ rating, reviewCount, distribution }: RatingSummaryProps) {
  const bars = distributionBars(distribution);
  return (
    <div className="space-y-4">
      {reviewCount > 0 ? (
        <div>
          <p className="text-zinc-900 dark:text-zinc-50">
            <span className="text-4xl font-bold tracking-tight">{formatAverage(rating)}</span> <span className="text-sm text-zinc-600 dark:text-zinc-400">out of 5</span>
            <span className="sr-only">, {reviewsText(reviewCount)}</span>
          </p>
          <div className="mt-1 flex items-center gap-2">
            <Rating value={rating} count={reviewCount} showCount={false} />
            <span className="text-sm text-zinc-600 dark:text-zinc-400" aria-hidden="true">
              {reviewsText(reviewCount)}
            </span>
          </div>
        </div>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Not rated yet</p>
      )}
      <ul aria-label="Rating distribution" className="space-y-1.5">
        {bars.map((b) => (
          <li key={b.stars} className="grid grid-cols-[3.5rem_1fr_2.5rem] items-center gap-2 text-sm">
            <span className="text-zinc-700 dark:text-zinc-300">
              {b.stars} {b.stars === 1 ? 'star' : 'stars'}
              <span className="sr-only">: </span>
            </span>
            <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
              <span className="block h-full rounded-full bg-amber-400" style={{ width: `${b.percent}%` }} />
            </span>
            <span className="text-right tabular-nums text-zinc-700 dark:text-zinc-300">
              {b.count}
              <span className="sr-only">
                {' '}
                {b.count === 1 ? 'review' : 'reviews'}, {b.percent}%
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
