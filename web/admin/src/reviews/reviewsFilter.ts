import type { ReviewFilter, ReviewStatus } from '../gql/graphql';

/** The moderation list's filter as the URL holds it (`?status=HIDDEN&rating=1&product=<id>`). */
export interface ReviewsFilterState {
  /** Only the reviews of this product (the editor links here), or ''. */
  product: string;
  status: ReviewStatus | '';
  /** Stars 1 to 5 as text, or '' for every rating. */
  rating: '' | '1' | '2' | '3' | '4' | '5';
}

/** Reads the filter from the URL; unknown values are ignored. */
export function parseReviewsFilter(params: URLSearchParams): ReviewsFilterState {
  const status = params.get('status') ?? '';
  const rating = params.get('rating') ?? '';
  const product = params.get('product') ?? '';
  return {
    product: /^[\w-]{1,64}$/.test(product) ? product : '',
    status: status === 'VISIBLE' || status === 'HIDDEN' ? status : '',
    rating: /^[1-5]$/.test(rating) ? (rating as ReviewsFilterState['rating']) : '',
  };
}

/** Writes the filter to URL parameters, leaving out what is not set. */
export function reviewsFilterParams(f: ReviewsFilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (f.product) p.set('product', f.product);
  if (f.status) p.set('status', f.status);
  if (f.rating) p.set('rating', f.rating);
  return p;
}

/** The API's ReviewFilter (null when nothing is filtered). */
export function toReviewFilter(f: ReviewsFilterState): ReviewFilter | null {
  const out: ReviewFilter = {};
  if (f.product) out.productId = f.product;
  if (f.status) out.status = f.status;
  if (f.rating) out.rating = Number(f.rating);
  return Object.keys(out).length > 0 ? out : null;
}

/** Longest moderation reason the API accepts. */
export const MAX_MODERATION_REASON = 500;

/** The reason's check for hiding or restoring: required, at most 500 characters. */
export function moderationReasonError(reason: string, action: 'hide' | 'restore'): string | undefined {
  const r = reason.trim();
  if (r === '') return action === 'hide' ? 'Enter why this review is hidden; its author sees it.' : 'Enter why this review is shown again.';
  if ([...r].length > MAX_MODERATION_REASON) return `The reason must be at most ${MAX_MODERATION_REASON} characters.`;
  return undefined;
}

/** A product's rating after a moderation, in words: "Trail Shoe is now rated 4.5 from 2 reviews." */
export function ratingAfter(p: { name: string; rating: number; reviewCount: number }): string {
  if (p.reviewCount === 0) return `${p.name} now has no visible reviews.`;
  const r = (Math.round(p.rating * 10) / 10).toFixed(1);
  return `${p.name} is now rated ${r} from ${p.reviewCount} ${p.reviewCount === 1 ? 'review' : 'reviews'}.`;
}
