import { useEffect } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '@nexus/ui';
import { useClient, useQuery } from '@nexus/client/react';
import { ProductDetailDocument } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Breadcrumbs, categoryTrail } from './Breadcrumbs';
import { Gallery } from './Gallery';
import { ProductDetailSkeleton } from './ProductDetailSkeleton';
import { ProductInfo, type DetailVariant } from './ProductInfo';
import { ProductNotFound } from './ProductNotFound';
import { RelatedProducts } from './RelatedProducts';
import { ReviewsSection } from '../reviews/ReviewsSection';
import { useSelectedVariant } from './useSelectedVariant';

/** A stable empty list while the product loads. */
const NO_VARIANTS: DetailVariant[] = [];

/**
 * The product page (`/products/:slug`): breadcrumb, gallery, details with
 * the variant picker (the selection in `?variant=`; the gallery shows the
 * variant's own images when it has some) and related products. Emits
 * 'product:viewed' once per product shown. Live
 * changes arrive as a refetch of the same query (the client invalidates
 * Product:<id>), which replaces the data without a skeleton.
 */
export default function ProductDetailPage() {
  const { slug = '' } = useParams();
  const client = useClient();
  const { data, error, loading, refetch, fetching } = useQuery(ProductDetailDocument, { slug });
  const product = data?.productBySlug;
  const [variant, selectVariant] = useSelectedVariant(product?.variants ?? NO_VARIANTS, (product?.options.length ?? 0) > 0);
  useDocumentTitle(product ? product.name : null);
  const productId = product?.id;
  useEffect(() => {
    if (productId) client.bus.emit('product:viewed', { productId });
  }, [client, productId]);

  if (loading) return <ProductDetailSkeleton />;
  if (!data && error) {
    return (
      <div className="mx-auto max-w-xl px-4 py-16">
        <h1 className="sr-only">Product</h1>
        <ErrorState title="We couldn't load this product" message={errorMessage(error)} onRetry={refetch} retrying={fetching} />
      </div>
    );
  }
  if (!product) return <ProductNotFound />;
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8" aria-busy={fetching || undefined}>
      <Breadcrumbs trail={categoryTrail(product.category)} current={product.name} />
      <div className="grid gap-8 md:grid-cols-2">
        <Gallery key={`gallery:${product.id}:${variant?.images.length ? variant.id : ''}`} images={variant?.images.length ? variant.images : product.images} name={product.name} />
        <ProductInfo key={`info:${product.id}`} product={product} variant={variant} onSelectVariant={selectVariant} />
      </div>
      <ReviewsSection key={`reviews:${product.id}`} productId={product.id} productName={product.name} />
      <RelatedProducts categoryId={product.category.id} excludeId={product.id} />
    </div>
  );
}
