import { ErrorState, Skeleton } from '@nexus/ui';
import type { FallbackProps } from '../remotes/ErrorBoundary.tsx';
import { RemoteSlot } from '../remotes/RemoteSlot.tsx';

/** Texts of the catalog's failure fallback, exported for the report and tests. */
export const CATALOG_FAILED_TITLE = 'The catalog could not be loaded';

function CatalogFailed({ reset }: FallbackProps) {
  return (
    <div className="mx-auto max-w-7xl px-4 py-12 sm:px-6 lg:px-8">
      <ErrorState
        headingLevel={2}
        title={CATALOG_FAILED_TITLE}
        message="Please check your connection and try again. The rest of the site keeps working."
        onRetry={reset}
        retryLabel="Try again"
      />
    </div>
  );
}

function CatalogLoading() {
  return (
    <div role="status" className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8" aria-busy="true" aria-label="Loading the catalog">
      <Skeleton className="h-8 w-48" />
      <div className="mt-6 grid grid-cols-2 gap-4 sm:gap-6 md:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="space-y-3">
            <Skeleton className="aspect-square w-full rounded-xl" />
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-1/3" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** /products/*: the product remote's App, loaded at run time from the manifest, with its own error boundary. */
export function CatalogRoute() {
  return <RemoteSlot remote="product" expose="App" loading={<CatalogLoading />} fallback={CatalogFailed} />;
}
