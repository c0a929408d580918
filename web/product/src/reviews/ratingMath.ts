/** One bar of the distribution: stars (1–5) and how many visible reviews gave them. */
export interface StarCount {
  stars: number;
  count: number;
}

/** One bar as the section draws it: its count and its share of all reviews in whole percent. */
export interface StarBar extends StarCount {
  percent: number;
}

/**
 * The five bars, 5 stars first, whatever the server sent (missing entries count 0, unknown star numbers and
 * negative counts are ignored), with whole percentages that add up to exactly 100 when there is at least one
 * review (largest remainder: rounding each share alone can show 99 % or 101 % in total, which readers notice).
 */
export function distributionBars(dist: ReadonlyArray<StarCount>): StarBar[] {
  const counts = [5, 4, 3, 2, 1].map((stars) => ({ stars, count: Math.max(0, dist.find((d) => d.stars === stars)?.count ?? 0) }));
  const total = counts.reduce((s, c) => s + c.count, 0);
  if (total === 0) return counts.map((c) => ({ ...c, percent: 0 }));
  const exact = counts.map((c) => (c.count * 100) / total);
  const bars = counts.map((c, i) => ({ ...c, percent: Math.floor(exact[i]!) }));
  let left = 100 - bars.reduce((s, b) => s + b.percent, 0);
  // hand the points lost to flooring to the largest remainders; ties go to more stars (the order above)
  const order = bars.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    bars[i]!.percent++;
    left--;
  }
  return bars;
}

/** The mean as shoppers read it: one decimal ("4.3"), half away from zero on the decimal (4.25 → "4.3"). */
export function formatAverage(rating: number): string {
  // + 1e-7: 4.35 is 4.3499999… in binary and must still show 4.4; far below any real mean's distance to a half
  return (Math.round(rating * 10 + 1e-7) / 10).toFixed(1);
}

/** "1 review", "27 reviews". */
export const reviewsText = (count: number): string => `${count} ${count === 1 ? 'review' : 'reviews'}`;

/** The summary's spoken text: "4.3 out of 5, 27 reviews", or "No reviews yet". */
export function averageText(rating: number, count: number): string {
  return count > 0 ? `${formatAverage(rating)} out of 5, ${reviewsText(count)}` : 'No reviews yet';
}

/** The mean of a distribution (0 without reviews): what the server's rating must equal, used by tests and as a check. */
export function distributionMean(dist: ReadonlyArray<StarCount>): number {
  const total = dist.reduce((s, d) => s + d.count, 0);
  return total === 0 ? 0 : dist.reduce((s, d) => s + d.stars * d.count, 0) / total;
}
