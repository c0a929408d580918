import { useState } from 'react';
import { ConfirmDialog, TextArea } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { AdminDeleteReviewDocument, HideReviewDocument, RestoreReviewDocument, type AdminReviewFragment } from '../gql/graphql';
import { saveFailure } from '../lib/formSubmit';
import { MAX_MODERATION_REASON, moderationReasonError } from './reviewsFilter';

/** A moderation the admin started: hide or restore (with a reason) or delete one review. */
export interface Moderation {
  action: 'hide' | 'restore' | 'delete';
  review: AdminReviewFragment;
}

/** Props of {@link ModerateDialog}: open while `moderation` is set. */
export interface ModerateDialogProps {
  moderation: Moderation | null;
  onClose: () => void;
  /** Called after the change with a past-tense verb and the review as it left the product (its new rating). */
  onDone: (verb: string, r: Pick<AdminReviewFragment, 'title' | 'product'>) => void;
}

const TITLES = { hide: 'Hide', restore: 'Restore', delete: 'Delete' } as const;

/**
 * Confirms a moderation. Hiding and restoring need a reason (the author sees why their review was hidden);
 * deleting cannot be undone. The server's refusal is shown inside the dialog as it wrote it.
 */
export function ModerateDialog({ moderation, onClose, onDone }: ModerateDialogProps) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [hide, hiding] = useMutation(HideReviewDocument);
  const [restore, restoring] = useMutation(RestoreReviewDocument);
  const [remove, removing] = useMutation(AdminDeleteReviewDocument);
  const close = () => {
    setReason('');
    setFieldError(undefined);
    setError(undefined);
    onClose();
  };
  const confirm = async () => {
    if (!moderation) return;
    const { action, review } = moderation;
    setError(undefined);
    if (action !== 'delete') {
      const invalid = moderationReasonError(reason, action);
      setFieldError(invalid);
      if (invalid) return;
    }
    try {
      if (action === 'hide') onDone('hidden', (await hide({ id: review.id, reason: reason.trim() })).hideReview);
      else if (action === 'restore') onDone('restored', (await restore({ id: review.id, reason: reason.trim() })).restoreReview);
      else {
        const r = await remove({ id: review.id });
        onDone('deleted', { title: review.title, product: { ...review.product, ...r.deleteReview.product } });
      }
      close();
    } catch (err) {
      const f = saveFailure(err, ['reason']);
      setFieldError(f.fields.reason);
      setError(f.other.join(' ') || undefined);
    }
  };
  const action = moderation?.action ?? 'hide';
  return (
    <ConfirmDialog
      open={moderation !== null}
      title={moderation ? `${TITLES[action]} the review “${moderation.review.title}”?` : 'Moderate review'}
      confirmLabel={`${TITLES[action]} review`}
      variant={action === 'restore' ? 'primary' : 'danger'}
      busy={hiding.loading || restoring.loading || removing.loading}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={close}
    >
      {moderation ? (
        <>
          <p>
            {action === 'hide'
              ? `Shoppers no longer see it and ${moderation.review.product.name}'s rating leaves it out. Its author sees the reason.`
              : action === 'restore'
                ? `Shoppers see it again and it counts in ${moderation.review.product.name}'s rating.`
                : `The review is removed for good and ${moderation.review.product.name}'s rating leaves it out.`}
          </p>
          {action !== 'delete' ? (
            <TextArea label="Reason" aria-required="true" maxLength={MAX_MODERATION_REASON} value={reason} error={fieldError} onChange={(e) => setReason(e.target.value)} />
          ) : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
