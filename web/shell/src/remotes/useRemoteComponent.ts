import { type ComponentType, lazy, type LazyExoticComponent, useCallback, useMemo, useRef, useState } from 'react';
import { forgetRemote, loadRemoteDefault } from './remoteLoader.ts';

/** A lazily loaded remote component plus the retry that reloads it. */
export interface RemoteComponent {
  Component: LazyExoticComponent<ComponentType>;
  /**
   * Makes a new attempt. When the last load failed and reload is true (a "Try again" button), the remote is reloaded
   * (fresh manifest, cache-busted entry); otherwise (it threw while rendering, or a sibling slot loaded it since) the
   * module is just loaded and rendered again.
   */
  retry: (reload?: boolean) => void;
}

/**
 * Wraps `name/expose` in React.lazy. A new lazy component is made per attempt, because React.lazy remembers a
 * rejected import forever; a failed load also makes the loader forget the remote so the retry fetches it again.
 */
export function useRemoteComponent(name: string, expose: string): RemoteComponent {
  const [attempt, setAttempt] = useState(0);
  const failed = useRef(false);
  const Component = useMemo(
    () =>
      lazy(async () => {
        try {
          return { default: await loadRemoteDefault<ComponentType>(name, expose) };
        } catch (err) {
          failed.current = true;
          throw err;
        }
      }),
    // attempt is deliberately a dependency: it is the reason to make a new lazy component
    [name, expose, attempt],
  );
  const retry = useCallback(
    (reload = true) => {
      if (failed.current && reload) forgetRemote(name);
      failed.current = false;
      setAttempt((a) => a + 1);
    },
    [name],
  );
  return { Component, retry };
}
