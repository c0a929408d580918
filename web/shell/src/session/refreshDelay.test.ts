import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_REFRESH_DELAY_MS, REFRESH_LEAD_MS, refreshDelay } from './refreshDelay.ts';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`refreshDelay properties: fast-check seed ${seed} (FC_SEED=${seed} replays)`);

describe('refreshDelay', () => {
  it('a 15-minute token refreshes 60 s before it expires', () => {
    expect(refreshDelay(15 * 60_000, 0)).toBe(14 * 60_000);
  });

  it('property: never sooner than the minimum; before expiry whenever that is possible; exactly the lead for normal tokens', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: -86_400_000, max: 86_400_000 }), (now, left) => {
        const d = refreshDelay(now + left, now);
        expect(d).toBeGreaterThanOrEqual(MIN_REFRESH_DELAY_MS);
        if (left > 2 * MIN_REFRESH_DELAY_MS) expect(d).toBeLessThan(left);
        if (left > 2 * REFRESH_LEAD_MS) expect(d).toBe(left - REFRESH_LEAD_MS);
      }),
      { seed, numRuns: 5000 },
    );
  });
});
