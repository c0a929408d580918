import { ErrorState, Skeleton } from '@nexus/ui';
import { useMemo } from 'react';
import type { FallbackProps } from '../remotes/ErrorBoundary.tsx';
import { RemoteSlot } from '../remotes/RemoteSlot.tsx';

/** Props of {@link RemotePage}. */
export interface RemotePageProps {
  /** Remote name in the manifest (auth, customer, admin). */
  remote: string;
  /** What the page is, for its loading and failure texts ("your account", "the admin pages"). */
  what: string;
}

/** The failure text of a page remote, exported for tests. */
export const remoteFailedTitle = (what: string): string => `${what[0]?.toUpperCase()}${what.slice(1)} could not be loaded`;

/**
 * A whole page served by a remote's `./App` (auth, customer, admin), with a loading skeleton and its own error
 * boundary: a remote that is missing from the manifest, unreachable or throwing shows "… could not be loaded" with
 * "Try again", and the rest of the shell keeps working.
 */
export function RemotePage({ remote, what }: RemotePageProps) {
  const Failed = useMemo(() => function RemotePageFailed({ reset }: FallbackProps) {
    return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:px-6">
      <h1 className="sr-only">{remoteFailedTitle(what)}</h1>
      <ErrorState
        headingLevel={2}
        title={remoteFailedTitle(what)}
        message="Please check your connection and try again. The rest of the site keeps working."
        onRetry={reset}
        retryLabel="Try again"
      />
    </div>
    );
  }, [what]);
  const loading = (
    <div role="status" className="mx-auto max-w-md px-4 py-12" aria-busy="true" aria-label={`Loading ${what}`}>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-6 h-10 w-full" />
      <Skeleton className="mt-4 h-10 w-full" />
      <Skeleton className="mt-6 h-10 w-32" />
    </div>
  );
  return <RemoteSlot remote={remote} expose="App" loading={loading} fallback={Failed} />;
}
