import { formatMoney } from '../lib/money';
import type { CatalogState } from './filterState';

/** A price bucket as the facets return it: minor units, `max` exclusive and null for the open-ended top bucket. */
export interface Bucket {
  min: number;
  max: number | null;
  count: number;
}

/** The catalog's prices are USD (PriceFilter says so too). */
const CURRENCY = 'USD';

const whole = (minor: number) => formatMoney({ amount: minor, currency: CURRENCY }, 'en-US').replace(/\.00$/, '');

/** A bucket in words: "Under $25", "$25 to $50", "$500 and over". */
export function bucketLabel(b: Pick<Bucket, 'min' | 'max'>): string {
  if (b.max === null) return `${whole(b.min)} and over`;
  if (b.min <= 0) return `Under ${whole(b.max)}`;
  return `${whole(b.min)} to ${whole(b.max)}`;
}

/**
 * The min/max price filter (major units, both inclusive) that selects exactly
 * a bucket's products: the exclusive upper bound becomes one minor unit less
 * (50.00 → 49.99), and a bucket from 0 sets no minimum.
 */
export function bucketRange(b: Pick<Bucket, 'min' | 'max'>): { minPrice: number | null; maxPrice: number | null } {
  return { minPrice: b.min <= 0 ? null : b.min / 100, maxPrice: b.max === null ? null : (b.max - 1) / 100 };
}

/** True when the state's price bounds are exactly the bucket's (so its radio shows checked). */
export function bucketSelected(state: Pick<CatalogState, 'minPrice' | 'maxPrice'>, b: Pick<Bucket, 'min' | 'max'>): boolean {
  const r = bucketRange(b);
  return state.minPrice === r.minPrice && state.maxPrice === r.maxPrice;
}
