import fc from 'fast-check';
import { NexusError } from '@nexus/client';
import { describe, expect, it } from 'vitest';
import { charCount, defaultAuthorName, LIMITS, reviewInput, saveFailure, validateReview } from './reviewRules';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const params = { seed, numRuns: 300 };
console.log(`reviewRules properties: FC_SEED=${seed}`);

const valid = { rating: 4, title: 'Comfy', body: 'Slept well.\nTwice.', authorName: 'Ada L.' };

describe('validateReview', () => {
  it('accepts a complete review', () => expect(validateReview(valid)).toEqual({}));

  it('names every missing field', () => {
    expect(validateReview({ rating: 0, title: '  ', body: '', authorName: '\n' })).toEqual({
      rating: 'Choose a rating from 1 to 5 stars.',
      title: 'Enter a title.',
      body: 'Enter your review.',
      authorName: 'Enter the name to show.',
    });
  });

  it('a text is accepted exactly when 1..limit code points remain after trimming (emoji count once)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '😀', 'é', '<', '\n'), maxLength: 140 });
    fc.assert(
      fc.property(text, (title) => {
        const n = charCount(title.trim());
        const e = validateReview({ ...valid, title });
        expect(e.title === undefined).toBe(n >= 1 && n <= LIMITS.title);
      }),
      params,
    );
  });

  it('the rating must be a whole number of stars from 1 to 5', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double({ noNaN: true, min: -3, max: 9 })), (rating) => {
        expect(validateReview({ ...valid, rating }).rating === undefined).toBe(Number.isInteger(rating) && rating >= 1 && rating <= 5);
      }),
      params,
    );
  });

  it('sends trimmed text, keeping inner line breaks and markup as typed', () => {
    expect(reviewInput({ ...valid, title: '  <img src=x onerror=alert(1)> ', body: ' a\n\nb ' })).toEqual({ rating: 4, title: '<img src=x onerror=alert(1)>', body: 'a\n\nb', authorName: 'Ada L.' });
  });
});

describe('defaultAuthorName', () => {
  it('first name and last initial', () => {
    expect(defaultAuthorName({ firstName: 'Ada', lastName: 'lovelace' })).toBe('Ada L.');
    expect(defaultAuthorName({ firstName: 'Ada', lastName: '' })).toBe('Ada');
    expect(defaultAuthorName({ firstName: '', lastName: 'Lovelace' })).toBe('L.');
    expect(defaultAuthorName({ firstName: 'Émile', lastName: 'Ørsted' })).toBe('Émile Ø.');
    expect(defaultAuthorName(null)).toBe('');
  });

  it('always within the limit', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (firstName, lastName) => {
      expect(charCount(defaultAuthorName({ firstName, lastName }))).toBeLessThanOrEqual(LIMITS.authorName);
    }), params);
  });
});

describe('saveFailure', () => {
  const err = (...errors: { message: string; extensions: Record<string, unknown> }[]) => new NexusError('graphql', errors[0]!.message, errors);

  it("puts the server's field errors on their fields and the rest above the form", () => {
    const f = saveFailure(
      err(
        { message: 'input.title: must be at most 120 characters', extensions: { code: 'INVALID', field: 'input.title' } },
        { message: 'must be from 1 to 5', extensions: { code: 'INVALID', field: 'input.rating' } },
        { message: 'you already reviewed this product; edit your review', extensions: { code: 'CONFLICT', field: 'input.productId' } },
      ),
    );
    expect(f.fields).toEqual({ title: 'Must be at most 120 characters', rating: 'Must be from 1 to 5' });
    expect(f.other).toEqual(['You already reviewed this product; edit your review']);
  });

  it('never shows raw texts of server trouble, and says when the session is gone', () => {
    expect(saveFailure(err({ message: 'pq: connection refused', extensions: { code: 'INTERNAL' } })).other).toEqual(['Something went wrong. Please try again.']);
    expect(saveFailure(err({ message: 'no token', extensions: { code: 'UNAUTHENTICATED' } })).other).toEqual(['Your session has ended. Sign in again to save your review.']);
    expect(saveFailure(new NexusError('network', 'fetch failed')).other).toEqual(['You appear to be offline. Check your connection and try again.']);
  });
});
