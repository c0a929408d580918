import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Chip, Select } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminReviewProductDocument, type AdminReviewFragment } from '../gql/graphql';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { ModerateDialog, type Moderation } from './ModerateDialog';
import { ReviewsTable } from './ReviewsTable';
import { parseReviewsFilter, ratingAfter, reviewsFilterParams, type ReviewsFilterState } from './reviewsFilter';

/**
 * /admin/reviews: every review, newest first, hidden ones included, filtered by status and stars (in the URL);
 * hide with a reason its author sees, restore with a reason, or delete — each confirmed, each followed by the
 * product's rating as the change left it.
 */
export default function ReviewsPage() {
  useDocumentTitle('Reviews');
  const [params, setParams] = useSearchParams();
  const filter = parseReviewsFilter(params);
  const [moderation, setModeration] = useState<Moderation | null>(null);
  const [outcome, setOutcome] = useState('');
  const narrowed = useQuery(AdminReviewProductDocument, { id: filter.product }, { enabled: filter.product !== '' });
  const productName = narrowed.data?.product?.name ?? (narrowed.loading ? '…' : 'a deleted product');
  const apply = (next: Partial<ReviewsFilterState>) => setParams(reviewsFilterParams({ ...filter, ...next }));
  const done = (verb: string, r: Pick<AdminReviewFragment, 'title' | 'product'>) => setOutcome(`“${r.title}” ${verb}. ${ratingAfter(r.product)}`);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">Reviews</h1>
      <div className="mb-6 flex flex-wrap items-end gap-3">
        <Select
          label="Status"
          value={filter.status}
          onChange={(e) => apply({ status: e.target.value as ReviewsFilterState['status'] })}
          options={[
            { value: '', label: 'All statuses' },
            { value: 'VISIBLE', label: 'Visible' },
            { value: 'HIDDEN', label: 'Hidden' },
          ]}
        />
        <Select
          label="Rating"
          value={filter.rating}
          onChange={(e) => apply({ rating: e.target.value as ReviewsFilterState['rating'] })}
          options={[{ value: '', label: 'All ratings' }, ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: n === 1 ? '1 star' : `${n} stars` }))]}
        />
        {filter.product ? (
          <Chip className="mb-1" label={`Product: ${productName}`} removeLabel="Show the reviews of every product" onRemove={() => apply({ product: '' })} />
        ) : null}
      </div>
      <p role="status" className="mb-4 min-h-5 text-sm text-emerald-700 dark:text-emerald-400">
        {outcome}
      </p>
      <ReviewsTable key={params.toString()} filter={filter} onModerate={(m) => { setOutcome(''); setModeration(m); }} onClear={() => setParams(new URLSearchParams())} />
      <ModerateDialog moderation={moderation} onClose={() => setModeration(null)} onDone={done} />
    </>
  );
}
