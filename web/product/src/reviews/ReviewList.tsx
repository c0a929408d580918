import { useState } from 'react';
import { Button, EmptyState, ErrorState, Select, Spinner } from '@nexus/ui';
import type { ReviewSort } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';
import { HelpfulButton } from './HelpfulButton';
import { ReviewItem } from './ReviewItem';
import { ReviewsSkeleton } from './ReviewsSkeleton';
import { useReviewPages } from './useReviewPages';

const SORTS: ReadonlyArray<{ value: ReviewSort; label: string }> = [
  { value: 'NEWEST', label: 'Newest' },
  { value: 'HIGHEST', label: 'Highest rating' },
  { value: 'LOWEST', label: 'Lowest rating' },
  { value: 'MOST_HELPFUL', label: 'Most helpful' },
];

/** Props of {@link ReviewList}. */
export interface ReviewListProps {
  productId: string;
  /** The caller's own review, shown apart ("Your review"), so left out here. */
  ownReviewId: string | null;
  offline: boolean;
}

/**
 * The reviews, a page of 10 at a time ("Show more reviews" follows the last page's cursor), in the order the
 * labelled select picks (a new order starts again at one page). Each review can be voted helpful. States:
 * skeleton while the first page loads, an error with retry (offline says so), and "No reviews yet — be the first".
 */
export function ReviewList({ productId, ownReviewId, offline }: ReviewListProps) {
  const [sort, setSort] = useState<ReviewSort>('NEWEST');
  const [count, setCount] = useState(1);
  const pages = useReviewPages(productId, sort, count);
  const reviews = pages.reviews.filter((r) => r.id !== ownReviewId);
  // the caller's own review (visible or hidden) is always in the connection and its totalCount
  const others = pages.totalCount === null ? null : Math.max(0, pages.totalCount - (ownReviewId ? 1 : 0));

  let body;
  if (pages.loading) body = <ReviewsSkeleton />;
  else if (pages.error && reviews.length === 0) body = <ErrorState headingLevel={3} title="We couldn't load the reviews" message={errorMessage(pages.error)} onRetry={pages.retry} />;
  else if (pages.totalCount === 0) body = <EmptyState headingLevel={3} title="No reviews yet — be the first" description="Tell other shoppers what you think of this product." />;
  else if (reviews.length === 0 && !pages.hasNextPage) body = <p className="text-sm text-zinc-600 dark:text-zinc-400">No other reviews yet.</p>;
  else
    body = (
      <>
        <ol aria-label="Reviews" className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-busy={pages.fetching || undefined}>
          {reviews.map((r) => (
            <li key={r.id} className="py-5 first:pt-0">
              <ReviewItem review={r} footer={<HelpfulButton review={r} describedBy={`review-${r.id}-title`} offline={offline} />} />
            </li>
          ))}
        </ol>
        {pages.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{errorMessage(pages.error)}</p> : null}
        {pages.hasNextPage || pages.loadingMore ? (
          <Button variant="secondary" loading={pages.loadingMore} onClick={() => (pages.error ? pages.retry() : setCount((c) => c + 1))}>
            Show more reviews
          </Button>
        ) : null}
      </>
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <p>{others === null || others === 0 ? '' : reviews.length < others ? `Showing ${reviews.length} of ${others} reviews` : `${others} ${others === 1 ? 'review' : 'reviews'}${ownReviewId ? ' by others' : ''}`}</p>
          {pages.fetching && !pages.loading ? <Spinner size="sm" label="Updating reviews" /> : null}
        </div>
        {pages.totalCount !== 0 ? (
          <Select
            label="Sort reviews"
            options={SORTS}
            value={sort}
            className="w-48"
            onChange={(e) => {
              setSort(e.target.value as ReviewSort);
              setCount(1);
            }}
          />
        ) : null}
      </div>
      {body}
    </div>
  );
}
