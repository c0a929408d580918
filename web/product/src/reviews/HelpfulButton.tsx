import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, toast } from '@nexus/ui';
import { useMutation, useSession } from '@nexus/client/react';
import { signInPath } from '@nexus/client/session';
import { VoteReviewHelpfulDocument, type ReviewFieldsFragment } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';

/** Props of {@link HelpfulButton}. */
export interface HelpfulButtonProps {
  review: Pick<ReviewFieldsFragment, 'id' | 'helpfulCount' | 'viewerFoundHelpful' | 'viewerIsAuthor'>;
  /** Id of the review's title: the button is described by it, so "Helpful (3)" says which review. */
  describedBy: string;
  offline?: boolean;
}

/**
 * "Helpful (n)", a toggle (aria-pressed) for one vote per shopper. It flips at once and the review is refetched
 * (the mutation returns Review:<id>); a refusal undoes the flip. Signed out — or when the session turns out to
 * be gone — it sends the shopper to sign-in and back. On one's own review there is no button (the server refuses
 * such votes), only the count.
 */
export function HelpfulButton({ review, describedBy, offline }: HelpfulButtonProps) {
  const { status } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [vote] = useMutation(VoteReviewHelpfulDocument);
  // what this button showed last (the flip, then the server's answer) until the refetched review arrives
  const [local, setLocal] = useState<{ pressed: boolean; count: number } | null>(null);
  useEffect(() => setLocal(null), [review.helpfulCount, review.viewerFoundHelpful, status]);
  const signIn = () => navigate(signInPath(location.pathname + location.search));

  if (review.viewerIsAuthor) {
    const n = review.helpfulCount;
    return <p className="text-xs text-zinc-600 dark:text-zinc-400">{n === 1 ? '1 person found this helpful' : `${n} people found this helpful`}</p>;
  }
  const pressed = status === 'signed-in' && (local?.pressed ?? review.viewerFoundHelpful);
  const count = local?.count ?? review.helpfulCount;

  // Clicks while a vote is on its way only change what is wanted; one vote at a time is sent until the server
  // holds the last wish, so quick toggles can never arrive out of order and leave the opposite of what is shown.
  const busy = useRef(false);
  const want = useRef<boolean | null>(null);
  const send = async () => {
    busy.current = true;
    try {
      while (want.current !== null) {
        const helpful = want.current;
        want.current = null;
        const { voteReviewHelpful: r } = await vote({ id: review.id, helpful });
        if (want.current === null) setLocal({ pressed: r.viewerFoundHelpful, count: r.helpfulCount });
      }
    } catch (e) {
      want.current = null;
      setLocal(null);
      const err = e as { code?: string; status?: number; kind: string; message: string };
      if (err.code === 'UNAUTHENTICATED' || err.status === 401) signIn();
      // a refusal (the review was hidden or deleted meanwhile) is said here; transport failures the shell already toasts
      else if (err.kind === 'graphql') toast.error(err.code === 'INVALID' || err.code === 'NOT_FOUND' ? sentence(err.message) : errorMessage(err), { id: `review-vote:${review.id}` });
    } finally {
      busy.current = false;
    }
  };
  const toggle = () => {
    if (status !== 'signed-in') return signIn();
    const next = !pressed;
    want.current = next;
    setLocal({ pressed: next, count: Math.max(0, count + (next ? 1 : -1)) });
    if (!busy.current) void send();
  };

  return (
    <Button
      variant="secondary"
      size="sm"
      aria-pressed={pressed}
      aria-describedby={describedBy}
      disabled={status === 'loading' || offline}
      onClick={toggle}
      className={pressed ? 'border-indigo-300 bg-indigo-50 text-indigo-800 hover:bg-indigo-100 dark:border-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-200 dark:hover:bg-indigo-900/60' : undefined}
    >
      <svg viewBox="0 0 20 20" className="h-4 w-4" fill={pressed ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
        <path strokeLinejoin="round" d="M6 9v8H3V9h3Zm0 0 3.5-6.5c1 0 2 .8 2 2V8h4.3c1 0 1.8.9 1.6 1.9l-1.2 6c-.1.7-.8 1.1-1.5 1.1H6" />
      </svg>
      Helpful ({count})
    </Button>
  );
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
