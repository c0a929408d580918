import { useState } from 'react';
import { Button, EmptyState } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminReviewsDocument } from '../gql/graphql';
import { LoadFailed } from '../lib/LoadFailed';
import type { Moderation } from './ModerateDialog';
import { ReviewRows } from './ReviewRows';
import { toReviewFilter, type ReviewsFilterState } from './reviewsFilter';

/** Reviews per page ("Load more" fetches the next one). */
export const PAGE_SIZE = 20;

/** The filtered moderation table with cursor pagination (pages as their own `<tbody>`), remounted per filter. */
export function ReviewsTable({ filter, onModerate, onClear }: { filter: ReviewsFilterState; onModerate: (m: Moderation) => void; onClear: () => void }) {
  const variables = { first: PAGE_SIZE, after: null, filter: toReviewFilter(filter) };
  const first = useQuery(AdminReviewsDocument, variables);
  const [afters, setAfters] = useState<string[]>([]);
  const [last, setLast] = useState<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  const pageInfo = afters.length === 0 ? first.data?.reviews.pageInfo : last;
  if (first.loading) {
    return (
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading reviews…
      </p>
    );
  }
  if (!first.data) return <LoadFailed what="the reviews" error={first.error} onRetry={first.refetch} retrying={first.fetching} />;
  const total = first.data.reviews.totalCount;
  if (total === 0) {
    const filtered = filter.status !== '' || filter.rating !== '' || filter.product !== '';
    return (
      <EmptyState
        title={filtered ? 'No reviews match' : 'No reviews yet'}
        description={filtered ? 'Try another status, rating or product.' : 'Reviews appear here as customers write them.'}
        action={filtered ? <Button variant="secondary" onClick={onClear}>Clear filters</Button> : undefined}
      />
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{total === 1 ? '1 review' : `${total.toLocaleString('en')} reviews`}</p>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="min-w-full divide-y divide-zinc-200 text-left text-sm dark:divide-zinc-800">
          <caption className="sr-only">Reviews</caption>
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Review</th>
              <th scope="col" className="px-4 py-2 font-medium">Stars</th>
              <th scope="col" className="px-4 py-2 font-medium">Product</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <ReviewRows edges={first.data.reviews.edges} onModerate={onModerate} />
          {afters.map((after, i) => (
            <ReviewRows key={after} variables={{ ...variables, after }} onModerate={onModerate} onPageInfo={i === afters.length - 1 ? setLast : undefined} />
          ))}
        </table>
      </div>
      {pageInfo?.hasNextPage && pageInfo.endCursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => setAfters((a) => [...a, pageInfo.endCursor as string])}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
