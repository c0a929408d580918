import { Skeleton } from '@nexus/ui';

/** Three review-shaped placeholders while the first page loads, announced once as busy. */
export function ReviewsSkeleton() {
  return (
    <div role="status" aria-label="Loading reviews" className="space-y-6">
      {[0, 1, 2].map((i) => (
        <div key={i} className="space-y-2">
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-3 w-32" />
          <Skeleton className="h-12 w-full" />
        </div>
      ))}
    </div>
  );
}
