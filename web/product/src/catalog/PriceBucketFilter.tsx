import { FacetChoice } from './FacetChoice';
import { bucketLabel, bucketRange, bucketSelected, type Bucket } from './priceBuckets';

/** Props of {@link PriceBucketFilter}: bounds in major units, as in the URL. */
export interface PriceBucketFilterProps {
  buckets: ReadonlyArray<Bucket> | undefined;
  minPrice: number | null;
  maxPrice: number | null;
  onChange(minPrice: number | null, maxPrice: number | null): void;
}

/**
 * The price facet: "Any price" and the six buckets as one radio group, each
 * with its count; choosing one fills the min/max inputs with its bounds, and
 * typed bounds that match no bucket leave every bucket unchecked.
 */
export function PriceBucketFilter({ buckets, minPrice, maxPrice, onChange }: PriceBucketFilterProps) {
  if (buckets === undefined) return null;
  const total = buckets.reduce((n, b) => n + b.count, 0);
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Price</legend>
      <ul className="space-y-0.5">
        <li>
          <FacetChoice type="radio" name="price-bucket" label="Any price" count={total} checked={minPrice === null && maxPrice === null} onChange={() => onChange(null, null)} />
        </li>
        {buckets.map((b) => {
          const r = bucketRange(b);
          return (
            <li key={b.min}>
              <FacetChoice
                type="radio"
                name="price-bucket"
                label={bucketLabel(b)}
                count={b.count}
                checked={bucketSelected({ minPrice, maxPrice }, b)}
                onChange={() => onChange(r.minPrice, r.maxPrice)}
              />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
