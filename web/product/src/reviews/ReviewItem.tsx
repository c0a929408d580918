import type { ReactNode } from 'react';
import { Badge, Rating } from '@nexus/ui';
import type { ReviewFieldsFragment } from '../gql/graphql';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** "Dec 4, 2026"; an unparsable date shows as it came rather than "Invalid Date". */
export function reviewDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** Props of {@link ReviewItem}. */
export interface ReviewItemProps {
  review: ReviewFieldsFragment;
  /** Heading level of the title: 3 in the list, 4 inside "Your review". */
  headingLevel?: 3 | 4;
  /** What goes under the text: the helpful button, or the author's Edit and Delete. */
  footer?: ReactNode;
}

/**
 * One review: stars, title, author, date, the "Verified purchase" badge, and the text. Title, text and name are
 * whatever a shopper typed, so they are rendered as React text (escaped — never as HTML); line breaks are kept
 * with CSS, long unbroken words wrap.
 */
export function ReviewItem({ review: r, headingLevel = 3, footer }: ReviewItemProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const titleId = `review-${r.id}-title`;
  const edited = r.updatedAt !== r.createdAt;
  return (
    <article aria-labelledby={titleId} className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Rating value={r.rating} showCount={false} />
        <Heading id={titleId} className="break-words text-sm font-semibold text-zinc-900 dark:text-zinc-100 [overflow-wrap:anywhere]">
          {r.title}
        </Heading>
      </div>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="[overflow-wrap:anywhere]">By {r.authorName}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={r.createdAt}>{reviewDate(r.createdAt)}</time>
        {edited ? <span>(edited)</span> : null}
        {r.verifiedPurchase ? <Badge tone="success">Verified purchase</Badge> : null}
      </p>
      <p className="whitespace-pre-line text-sm leading-relaxed text-zinc-700 dark:text-zinc-300 [overflow-wrap:anywhere]">{r.body}</p>
      {footer}
    </article>
  );
}
