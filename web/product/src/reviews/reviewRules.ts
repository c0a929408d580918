import { fieldErrors } from '@nexus/client';
import type { SessionUser } from '@nexus/client/session';
import { errorMessage, type ErrorLike } from '../lib/errorMessage';

/** The form's fields, named as the server's `extensions.field` names them (without `input.`). */
export const REVIEW_FIELDS = ['rating', 'title', 'body', 'authorName'] as const;
/** One field of the review form. */
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** What the shopper typed; rating 0 means not chosen yet. */
export interface ReviewValues {
  rating: number;
  title: string;
  body: string;
  authorName: string;
}

/** Inline messages by field. */
export type ReviewErrors = Partial<Record<ReviewField, string>>;

/** The schema's limits (WriteReviewInput), in characters after trimming. */
export const LIMITS = { title: 120, body: 5000, authorName: 60 } as const;

/**
 * Characters as the server counts them (Unicode code points, not UTF-16 units: an emoji is one), so the
 * counter and the server agree on what is too long.
 */
export const charCount = (s: string): number => [...s].length;

const LABELS = { title: 'a title', body: 'your review', authorName: 'the name to show' } as const;

/** The same checks the server makes, so most mistakes are named before a request; the server still has the last word. */
export function validateReview(v: ReviewValues): ReviewErrors {
  const e: ReviewErrors = {};
  if (!Number.isInteger(v.rating) || v.rating < 1 || v.rating > 5) e.rating = 'Choose a rating from 1 to 5 stars.';
  for (const f of ['title', 'body', 'authorName'] as const) {
    const n = charCount(v[f].trim());
    if (n === 0) e[f] = `Enter ${LABELS[f]}.`;
    else if (n > LIMITS[f]) e[f] = `Use at most ${LIMITS[f]} characters (now ${n}).`;
  }
  return e;
}

/** The mutation's input fields: text trimmed (the server trims too; sending it trimmed keeps the counters honest). */
export const reviewInput = (v: ReviewValues) => ({ rating: v.rating, title: v.title.trim(), body: v.body.trim(), authorName: v.authorName.trim() });

/** The name a review shows by default: first name and last initial ("Ada L."), empty when the session knows no name. */
export function defaultAuthorName(user: Pick<SessionUser, 'firstName' | 'lastName'> | null | undefined): string {
  const first = user?.firstName.trim() ?? '';
  const last = [...(user?.lastName.trim() ?? '')][0];
  const name = last ? `${first} ${last.toUpperCase()}.`.trim() : first;
  return [...name].slice(0, LIMITS.authorName).join('');
}

/** What a failed save means for the form: inline errors for its fields, plain messages for the rest. */
export interface SaveFailure {
  fields: ReviewErrors;
  other: string[];
}

type Failed = ErrorLike & { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };

/** Codes whose messages the server writes for people (validation, one review per product, refusals). */
const SPEAKING = new Set(['INVALID', 'BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * Splits a failed write: errors whose `extensions.field` is a form field go under that field (first letter
 * capitalised, the `input.x:` prefix some messages carry dropped); other speaking errors are shown as written;
 * transport failures and lost sessions get plain words, never raw server texts.
 */
export function saveFailure(error: unknown): SaveFailure {
  const e = error as Failed | undefined;
  const byField = fieldErrors(e as never);
  const out: SaveFailure = { fields: {}, other: [] };
  for (const f of REVIEW_FIELDS) if (byField[f] !== undefined) out.fields[f] = capital(byField[f].replace(new RegExp(`^${f}:\\s*`), ''));
  for (const x of e?.errors ?? []) {
    const f = x.extensions?.field;
    const name = typeof f === 'string' ? f.replace(/^input\./, '') : '';
    if ((REVIEW_FIELDS as ReadonlyArray<string>).includes(name)) continue;
    const code = String(x.extensions?.code);
    const message = code === 'UNAUTHENTICATED' ? 'Your session has ended. Sign in again to save your review.' : SPEAKING.has(code) ? capital(x.message) : errorMessage(e);
    if (!out.other.includes(message)) out.other.push(message);
  }
  if (Object.keys(out.fields).length === 0 && out.other.length === 0) out.other.push(e?.status === 401 ? 'Your session has ended. Sign in again to save your review.' : errorMessage(e));
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
