import { Price, Rating } from '@nexus/ui';
import { StockBadge } from '../components/StockBadge';
import type { ProductDetailQuery } from '../gql/graphql';
import { useChangeNotice } from '../lib/useChangeNotice';
import { WishlistButton } from '../wishlist/WishlistButton';
import { VariantPicker } from './VariantPicker';

/** The product as the detail query returns it. */
export type DetailProduct = NonNullable<ProductDetailQuery['productBySlug']>;
/** A variant as the detail query returns it. */
export type DetailVariant = DetailProduct['variants'][number];

/** Props of {@link ProductInfo}. */
export interface ProductInfoProps {
  product: DetailProduct;
  /** The selected variant; undefined only while a product has no variants (then the product's own fields show). */
  variant: DetailVariant | undefined;
  onSelectVariant(v: DetailVariant): void;
}

/**
 * The product's text column: name (the page's h1) with the wishlist heart,
 * price, rating, stock, the variant picker (products with options), description,
 * tags and SKU; price, stock and SKU are the selected variant's.
 */
export function ProductInfo({ product, variant, onSelectVariant }: ProductInfoProps) {
  const shown = variant ?? product;
  const updated = useChangeNotice(`|${shown.price.amount}|${shown.compareAtPrice?.amount ?? ''}|${shown.stock}`, variant?.id ?? '');
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-zinc-50">{product.name}</h1>
        <WishlistButton productId={product.id} productName={product.name} className="shrink-0 border border-zinc-200 dark:border-zinc-700" />
      </div>
      <div role="group" aria-label="Price and stock" className="space-y-4">
        <Price amount={shown.price.amount} currency={shown.price.currency} compareAt={shown.compareAtPrice?.amount ?? null} size="lg" />
        <div className="flex flex-wrap items-center gap-3">
          <Rating value={product.reviewCount > 0 ? product.rating : null} count={product.reviewCount} />
          <StockBadge stock={shown.stock} />
          <span role="status" className="text-xs font-medium text-emerald-700 dark:text-emerald-400">
            {updated ? 'Updated just now' : ''}
          </span>
        </div>
      </div>
      {variant && product.options.length > 0 ? (
        <section aria-label="Options" className="border-y border-zinc-200 py-4 dark:border-zinc-800">
          <VariantPicker options={product.options} variants={product.variants} selected={variant} onSelect={onSelectVariant} />
        </section>
      ) : null}
      <section aria-labelledby="product-description">
        <h2 id="product-description" className="sr-only">
          Description
        </h2>
        <p className="whitespace-pre-line leading-relaxed text-zinc-700 dark:text-zinc-300">{product.description}</p>
      </section>
      {product.tags.length > 0 ? (
        <section aria-labelledby="product-tags">
          <h2 id="product-tags" className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            Tags
          </h2>
          <ul className="flex flex-wrap gap-2">
            {product.tags.map((t) => (
              <li key={t} className="rounded-full bg-zinc-100 px-2.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {t}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">SKU</dt>
        <dd className="font-mono text-zinc-800 dark:text-zinc-200">{shown.sku}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Availability</dt>
        <dd className="text-zinc-800 dark:text-zinc-200">{shown.stock > 0 ? `${shown.stock} available` : 'None available'}</dd>
      </dl>
    </div>
  );
}
