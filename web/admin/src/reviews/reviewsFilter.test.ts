import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moderationReasonError, parseReviewsFilter, ratingAfter, reviewsFilterParams, toReviewFilter, type ReviewsFilterState } from './reviewsFilter';

describe('reviews moderation filter', () => {
  it('round-trips through the URL and ignores unknown values', () => {
    const state = fc.record<ReviewsFilterState>({ product: fc.constantFrom('', '7', 'a-b'), status: fc.constantFrom('', 'VISIBLE', 'HIDDEN'), rating: fc.constantFrom('', '1', '2', '3', '4', '5') });
    fc.assert(fc.property(state, (s) => {
        expect(parseReviewsFilter(new URLSearchParams(reviewsFilterParams(s).toString()))).toEqual(s);
      }));
    expect(parseReviewsFilter(new URLSearchParams('status=GONE&rating=6'))).toEqual({ product: '', status: '', rating: '' });
  });

  it('maps to the API filter', () => {
    expect(toReviewFilter({ product: '', status: '', rating: '' })).toBeNull();
    expect(toReviewFilter({ product: '9', status: 'HIDDEN', rating: '1' })).toEqual({ productId: '9', status: 'HIDDEN', rating: 1 });
  });

  it('requires a reason of at most 500 characters', () => {
    expect(moderationReasonError('  ', 'hide')).toMatch(/author sees it/);
    expect(moderationReasonError('x'.repeat(501), 'restore')).toMatch(/at most 500/);
    expect(moderationReasonError('spam', 'hide')).toBeUndefined();
  });

  it('says the rating after a change', () => {
    expect(ratingAfter({ name: 'Shoe', rating: 4.25, reviewCount: 2 })).toBe('Shoe is now rated 4.3 from 2 reviews.');
    expect(ratingAfter({ name: 'Shoe', rating: 0, reviewCount: 0 })).toBe('Shoe now has no visible reviews.');
  });
});
