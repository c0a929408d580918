import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Button, buttonBase, buttonSizes, buttonVariants, cx, toast } from '@nexus/ui';
import { useClient, useMutation, useSession } from '@nexus/client/react';
import { signInPath } from '@nexus/client/session';
import { DeleteReviewDocument, ProductReviewSummaryDocument, UpdateReviewDocument, WriteReviewDocument, type ReviewFieldsFragment } from '../gql/graphql';
import { OwnReview } from './OwnReview';
import { ReviewForm } from './ReviewForm';
import { defaultAuthorName, reviewInput, type ReviewValues } from './reviewRules';

/** Props of {@link ReviewComposer}. */
export interface ReviewComposerProps {
  productId: string;
  productName: string;
  /** The caller's review (visible or hidden), from the summary query. */
  viewerReview: ReviewFieldsFragment | null;
  offline: boolean;
}

/**
 * Everything about the shopper's own review: signed out, a link to sign in and come back; signed in without a
 * review, "Write a review" and its form (the display name prefilled as "First L."); with one, "Your review" with
 * Edit (the same form) and Delete. After a save the summary is refetched before the form closes (the mutation
 * already invalidated Product:<id>; this waits for that answer), so "Your review" replaces the form without a
 * flash of "Write a review", and focus moves to it.
 */
export function ReviewComposer({ productId, productName, viewerReview, offline }: ReviewComposerProps) {
  const client = useClient();
  const { status, user } = useSession();
  const location = useLocation();
  const [mode, setMode] = useState<'idle' | 'write' | 'edit'>('idle');
  const [write] = useMutation(WriteReviewDocument);
  const [update] = useMutation(UpdateReviewDocument);
  const [del] = useMutation(DeleteReviewDocument);
  const own = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [focusOwn, setFocusOwn] = useState(false);
  useEffect(() => {
    if (focusOwn && mode === 'idle') {
      (viewerReview ? own.current : opener.current)?.focus();
      setFocusOwn(false);
    }
  }, [focusOwn, mode, viewerReview]);

  if (status === 'loading') return null;
  if (status === 'signed-out') {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <Link to={signInPath(location.pathname + location.search)} className={cx(buttonBase, buttonVariants.secondary, buttonSizes.md)}>
          Sign in to write a review
        </Link>
        <p>Reviews are written by signed-in shoppers.</p>
      </div>
    );
  }

  const refreshed = () => client.query(ProductReviewSummaryDocument, { id: productId }, { force: true }).catch(() => undefined);
  const done = async (message: string) => {
    await refreshed();
    setMode('idle');
    setFocusOwn(true);
    toast.success(message, { id: `review:${productId}` });
  };
  const save = async (v: ReviewValues) => {
    if (viewerReview && mode === 'edit') {
      await update({ input: { id: viewerReview.id, ...reviewInput(v) } });
      await done('Your review was updated.');
    } else {
      try {
        await write({ input: { productId, ...reviewInput(v) } });
      } catch (e) {
        // written meanwhile (another tab): show that review instead of a form that can never be sent
        if ((e as { code?: string }).code !== 'CONFLICT') throw e;
        return done('You had already reviewed this product: here is your review. Edit it to change it.');
      }
      await done(`Thank you! Your review of ${productName} is posted.`);
    }
  };
  const remove = async () => {
    await del({ id: viewerReview!.id });
    await done('Your review was deleted.');
  };

  if (mode === 'edit' && viewerReview) {
    const { rating, title, body, authorName } = viewerReview;
    return <ReviewForm heading="Edit your review" submitLabel="Save review" initial={{ rating, title, body, authorName }} onSave={save} onCancel={() => setMode('idle')} offline={offline} />;
  }
  if (viewerReview) return <OwnReview ref={own} review={viewerReview} onEdit={() => setMode('edit')} onDelete={remove} offline={offline} />;
  if (mode === 'write') {
    const initial = { rating: 0, title: '', body: '', authorName: defaultAuthorName(user) };
    return <ReviewForm heading="Write a review" submitLabel="Submit review" initial={initial} onSave={save} onCancel={() => setMode('idle')} offline={offline} />;
  }
  return (
    <Button ref={opener} onClick={() => setMode('write')}>
      Write a review
    </Button>
  );
}
