import { forwardRef, useState } from 'react';
import { Button, ConfirmDialog } from '@nexus/ui';
import type { ReviewFieldsFragment } from '../gql/graphql';
import { errorMessage, type ErrorLike } from '../lib/errorMessage';
import { ReviewItem } from './ReviewItem';

/** Props of {@link OwnReview}. */
export interface OwnReviewProps {
  review: ReviewFieldsFragment;
  onEdit: () => void;
  /** Deletes the review; rejects with the NexusError when refused. */
  onDelete: () => Promise<unknown>;
  offline?: boolean;
}

/**
 * The signed-in shopper's own review, apart from the list ("Your review"), with Edit and Delete (confirmed in a
 * dialog). A review an admin hid is shown here only, with the moderator's reason: the author must learn why it
 * disappeared for everyone else. The region's heading takes focus after a write (the ref).
 */
export const OwnReview = forwardRef<HTMLHeadingElement, OwnReviewProps>(function OwnReview({ review, onEdit, onDelete, offline }, ref) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onDelete();
      setConfirming(false);
    } catch (e) {
      setError(errorMessage(e as ErrorLike));
    } finally {
      setBusy(false);
    }
  };
  const hidden = review.status === 'HIDDEN';
  return (
    <section aria-labelledby="own-review-heading" className="space-y-3 rounded-xl border border-indigo-200 bg-indigo-50/50 p-4 dark:border-indigo-900 dark:bg-indigo-950/20">
      <h3 id="own-review-heading" ref={ref} tabIndex={-1} className="text-sm font-semibold text-indigo-900 focus:outline-none dark:text-indigo-200">
        Your review
      </h3>
      {hidden ? (
        <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          <p className="font-medium">Hidden by a moderator. Other shoppers do not see it and it does not count in the rating.</p>
          {review.moderationReason ? <p className="mt-1 [overflow-wrap:anywhere]">Reason: {review.moderationReason}</p> : null}
        </div>
      ) : null}
      <ReviewItem
        review={review}
        headingLevel={4}
        footer={
          <div className="flex flex-wrap items-center gap-2 pt-1">
            <p className="mr-2 text-xs text-zinc-600 dark:text-zinc-400">{review.helpfulCount === 1 ? '1 person found this helpful' : `${review.helpfulCount} people found this helpful`}</p>
            <Button variant="secondary" size="sm" onClick={onEdit} disabled={offline}>
              Edit<span className="sr-only"> your review</span>
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} disabled={offline}>
              Delete<span className="sr-only"> your review</span>
            </Button>
          </div>
        }
      />
      <ConfirmDialog
        open={confirming}
        title="Delete your review?"
        confirmLabel="Delete review"
        busy={busy}
        error={error}
        onConfirm={() => void remove()}
        onCancel={() => {
          setConfirming(false);
          setError(undefined);
        }}
      >
        <p>Your review and its helpful votes are removed for good, and the product's rating no longer counts it.</p>
      </ConfirmDialog>
    </section>
  );
});
