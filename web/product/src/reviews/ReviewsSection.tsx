import { ErrorState, Skeleton } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { ProductReviewSummaryDocument } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';
import { RatingSummary } from './RatingSummary';
import { ReviewComposer } from './ReviewComposer';
import { ReviewList } from './ReviewList';
import { useOnline } from './useOnline';

/** Props of {@link ReviewsSection}. */
export interface ReviewsSectionProps {
  productId: string;
  productName: string;
}

/**
 * "Customer reviews" on the product page: the summary (mean, count, distribution), the shopper's own review or
 * the way to write one, and the list. Everything is a query containing Product:<id>, so a review written
 * anywhere (a server review.* event → product:updated on the bus) or here (the mutation's result) refetches it
 * in place: the numbers change without a reload and without a skeleton.
 */
export function ReviewsSection({ productId, productName }: ReviewsSectionProps) {
  const online = useOnline();
  const { data, error, loading, refetch, fetching } = useQuery(ProductReviewSummaryDocument, { id: productId });
  const product = data?.product;

  let head;
  if (loading) {
    head = (
      <div role="status" aria-label="Loading rating" className="space-y-3">
        <Skeleton className="h-10 w-24" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  } else if (!product) {
    head = <ErrorState headingLevel={3} title="We couldn't load the rating" message={errorMessage(error)} onRetry={refetch} retrying={fetching} />;
  } else {
    head = <RatingSummary rating={product.rating} reviewCount={product.reviewCount} distribution={product.ratingDistribution} />;
  }

  return (
    <section aria-labelledby="reviews-heading" className="mt-12 border-t border-zinc-200 pt-8 dark:border-zinc-800">
      <h2 id="reviews-heading" className="mb-6 text-xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">
        Customer reviews
      </h2>
      {!online ? (
        <p role="status" className="mb-4 rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          You are offline. The reviews below may be out of date; writing and voting come back with your connection.
        </p>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
        <div>{head}</div>
        <div className="min-w-0 space-y-6">
          {product ? <ReviewComposer productId={productId} productName={productName} viewerReview={product.viewerReview} offline={!online} /> : null}
          <ReviewList productId={productId} ownReviewId={product?.viewerReview?.id ?? null} offline={!online} />
        </div>
      </div>
    </section>
  );
}
