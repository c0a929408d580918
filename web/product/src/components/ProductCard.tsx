import { Link } from 'react-router';
import { Price, Rating, focusRing } from '@nexus/ui';
import type { ProductCardFieldsFragment } from '../gql/graphql';
import { primaryFirst } from '../lib/images';
import { WishlistButton } from '../wishlist/WishlistButton';
import { StockBadge } from './StockBadge';

/** Props of {@link ProductCard}. */
export interface ProductCardProps {
  product: ProductCardFieldsFragment;
  /** Heading level of the name, so it fits the page outline (h3 under a section's h2). */
  headingLevel?: 2 | 3;
}

/**
 * A product in a grid: primary image (lazy, sized to avoid layout shift), the
 * name as the link to its page (the whole card is clickable through it),
 * price with compare-at ("From $X" when its variants' prices differ), rating with count and the stock badge; the
 * wishlist heart sits above the card's link overlay, in the image's corner.
 */
export function ProductCard({ product, headingLevel = 3 }: ProductCardProps) {
  const image = primaryFirst(product.images)[0];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white transition-shadow focus-within:shadow-md hover:shadow-md dark:border-zinc-800 dark:bg-zinc-900">
      <div className="absolute right-2 top-2 z-10">
        <WishlistButton productId={product.id} productName={product.name} size="sm" />
      </div>
      <div className="aspect-square bg-zinc-100 dark:bg-zinc-800">
        {image ? (
          <img src={image.url} alt={image.alt || product.name} width={400} height={400} loading="lazy" decoding="async" className="h-full w-full object-cover" />
        ) : (
          <div className="flex h-full items-center justify-center text-sm text-zinc-600 dark:text-zinc-400" role="img" aria-label={`No image of ${product.name}`}>
            No image
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <Heading className="line-clamp-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">
          <Link to={`/products/${product.slug}`} className={`rounded after:absolute after:inset-0 after:content-[''] hover:underline ${focusRing}`}>
            {product.name}
          </Link>
        </Heading>
        {product.priceRange.min.amount !== product.priceRange.max.amount ? (
          <span className="inline-flex items-baseline gap-1">
            <span className="text-sm text-zinc-600 dark:text-zinc-400">From</span>
            <Price amount={product.priceRange.min.amount} currency={product.priceRange.min.currency} />
          </span>
        ) : (
          <Price amount={product.price.amount} currency={product.price.currency} compareAt={product.compareAtPrice?.amount ?? null} />
        )}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2">
          <Rating value={product.reviewCount > 0 ? product.rating : null} count={product.reviewCount} />
          <StockBadge stock={product.stock} />
        </div>
      </div>
    </article>
  );
}
