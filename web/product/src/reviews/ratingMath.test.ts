import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageText, distributionBars, distributionMean, formatAverage } from './ratingMath';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const params = { seed, numRuns: 500 };
console.log(`ratingMath properties: FC_SEED=${seed}`);

const dist = fc.array(fc.record({ stars: fc.integer({ min: 1, max: 5 }), count: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 7 });

describe('distributionBars', () => {
  it('always five bars, 5 stars first, counts as sent (first entry per star), percentages summing to 100 (0 without reviews)', () => {
    fc.assert(
      fc.property(dist, (d) => {
        const bars = distributionBars(d);
        expect(bars.map((b) => b.stars)).toEqual([5, 4, 3, 2, 1]);
        for (const b of bars) expect(b.count).toBe(d.find((x) => x.stars === b.stars)?.count ?? 0);
        const total = bars.reduce((s, b) => s + b.count, 0);
        const sum = bars.reduce((s, b) => s + b.percent, 0);
        expect(sum).toBe(total === 0 ? 0 : 100);
        for (const b of bars) {
          // each bar within one point of its exact share, never negative
          const exact = total === 0 ? 0 : (b.count * 100) / total;
          expect(Math.abs(b.percent - exact)).toBeLessThan(1);
          expect(b.percent).toBeGreaterThanOrEqual(0);
        }
      }),
      params,
    );
  });

  it('a bar with more reviews is never shorter', () => {
    fc.assert(
      fc.property(dist, (d) => {
        const bars = distributionBars(d);
        for (const a of bars) for (const b of bars) if (a.count > b.count) expect(a.percent).toBeGreaterThanOrEqual(b.percent);
      }),
      params,
    );
  });

  it('thirds: 34 + 33 + 33', () => {
    expect(distributionBars([{ stars: 5, count: 1 }, { stars: 3, count: 1 }, { stars: 1, count: 1 }]).map((b) => b.percent)).toEqual([34, 0, 33, 0, 33]);
  });
});

describe('formatAverage', () => {
  it('one decimal, within 0.05 of the mean, between 1.0 and 5.0 for any non-empty distribution', () => {
    fc.assert(
      fc.property(dist.filter((d) => d.some((x) => x.count > 0)), (d) => {
        const mean = distributionMean(d);
        const shown = formatAverage(mean);
        expect(shown).toMatch(/^[1-5]\.\d$/);
        expect(Math.abs(Number(shown) - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
      params,
    );
  });

  it('rounds halves up, without binary noise', () => {
    expect(formatAverage(4.25)).toBe('4.3');
    expect(formatAverage(4.35)).toBe('4.4');
    expect(formatAverage(13 / 3)).toBe('4.3');
    expect(formatAverage(4.95)).toBe('5.0');
    expect(formatAverage(1)).toBe('1.0');
  });

  it('speaks the summary', () => {
    expect(averageText(4.333, 27)).toBe('4.3 out of 5, 27 reviews');
    expect(averageText(5, 1)).toBe('5.0 out of 5, 1 review');
    expect(averageText(0, 0)).toBe('No reviews yet');
  });
});
