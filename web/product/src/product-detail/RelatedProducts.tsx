import { useQuery } from '@nexus/client/react';
import { ProductCard } from '../components/ProductCard';
import { ProductCardSkeleton } from '../components/ProductCardSkeleton';
import { ProductGrid } from '../components/ProductGrid';
import { RelatedProductsDocument } from '../gql/graphql';

/** How many related products the detail page shows. */
export const RELATED_COUNT = 4;

/** Up to four other products from the same category (best rated first), lazy images; hidden when there are none or they fail to load. */
export function RelatedProducts({ categoryId, excludeId }: { categoryId: string; excludeId: string }) {
  const { data, loading } = useQuery(RelatedProductsDocument, { categoryId });
  const products = (data?.products.edges ?? []).map((e) => e.node).filter((p) => p.id !== excludeId).slice(0, RELATED_COUNT);
  if (!loading && products.length === 0) return null;
  return (
    <section aria-labelledby="related-products" className="mt-12">
      <h2 id="related-products" className="mb-4 text-lg font-semibold text-zinc-900 dark:text-zinc-100">
        Related products
      </h2>
      <ProductGrid label="Related products" busy={loading}>
        {loading
          ? Array.from({ length: RELATED_COUNT }, (_, i) => (
              <li key={i}>
                <ProductCardSkeleton />
              </li>
            ))
          : products.map((p) => (
              <li key={p.id}>
                <ProductCard product={p} />
              </li>
            ))}
      </ProductGrid>
    </section>
  );
}
