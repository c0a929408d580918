import { type ComponentType, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { ErrorBoundary, type FallbackProps } from './ErrorBoundary.tsx';
import { onRemoteReady } from './remoteLoader.ts';
import { useRemoteComponent } from './useRemoteComponent.ts';

/** Props of {@link RemoteSlot}. */
export interface RemoteSlotProps {
  /** Remote name in the manifest, e.g. "product". */
  remote: string;
  /** Exposed module, e.g. "App" for product/App. */
  expose: string;
  /** Shown while the remote loads. */
  loading: ReactNode;
  /** Shown when it fails to load or throws; its reset retries. */
  fallback: ComponentType<FallbackProps>;
  /** Recover by itself when another slot managed to load the same remote (the header search after a catalog retry). */
  recoverWhenReady?: boolean;
}

/**
 * Mounts one exposed module of a remote: lazy + Suspense with a loading placeholder, inside its own error boundary,
 * so a remote that is missing, unreachable or throwing never takes the shell down. The wrapper's class `mfe-<remote>`
 * is the scope a remote's Tailwind utilities are compiled under, so two Tailwind builds on one page do not fight.
 */
export function RemoteSlot({ remote, expose, loading, fallback, recoverWhenReady }: RemoteSlotProps) {
  const { Component, retry } = useRemoteComponent(remote, expose);
  const boundary = useRef<ErrorBoundary>(null);
  const reload = useRef(true);
  useEffect(() => {
    if (!recoverWhenReady) return;
    return onRemoteReady((name) => {
      if (name !== remote || !boundary.current?.state.error) return;
      reload.current = false; // the remote is there now: render again without reloading it
      boundary.current.reset();
    });
  }, [recoverWhenReady, remote]);
  const onReset = () => {
    retry(reload.current);
    reload.current = true;
  };
  return (
    // mfe-<remote> scopes the remote's own stylesheet (see web/ui/README.md, "Styles of a remote")
    <div className={`mfe-${remote}`}>
      <ErrorBoundary ref={boundary} name={`${remote}/${expose}`} fallback={fallback} onReset={onReset}>
        <Suspense fallback={loading}>
          <Component />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
