import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePages } from './useReviewPages';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`useReviewPages properties: FC_SEED=${seed}`);

describe('mergePages', () => {
  it('every review once, at its first place, in page order', () => {
    const pages = fc.array(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), n: fc.nat() }), { maxLength: 4 }), { maxLength: 4 });
    fc.assert(
      fc.property(pages, (ps) => {
        const flat = ps.flat();
        const merged = mergePages(ps);
        expect(merged.map((r) => r.id)).toEqual([...new Set(flat.map((r) => r.id))]);
        for (const r of merged) expect(r).toBe(flat.find((x) => x.id === r.id));
      }),
      { seed, numRuns: 300 },
    );
  });
});
