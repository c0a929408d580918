import { Button } from '@nexus/ui';
import { useSyncExternalStore } from 'react';
import { useShell } from '../app/ShellContext.tsx';
import { connectionProblem } from '../connection/connectionState.ts';
import { Icon } from './Icon.tsx';

/** The banner texts, exported for the report and the browser tests. */
export const OFFLINE_TEXT = 'You are offline — retrying…';
/** Shown when the server connection dropped while the browser is online. */
export const RECONNECTING_TEXT = 'Connection lost. Reconnecting…';

/**
 * Tells the shopper when the page cannot reach the server (browser offline, or the live connection lost) and
 * offers "Retry now"; it goes away by itself when the connection is back.
 */
export function OfflineBanner() {
  const { connection, reconnect } = useShell();
  const facts = useSyncExternalStore(connection.subscribe, connection.get, connection.get);
  const problem = connectionProblem(facts);
  if (!problem) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/60 dark:text-amber-100">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6 lg:px-8">
        <Icon name="wifi-off" className="h-5 w-5 shrink-0" />
        <p className="flex-1 text-sm font-medium">{problem === 'offline' ? OFFLINE_TEXT : RECONNECTING_TEXT}</p>
        <Button size="sm" variant="secondary" onClick={reconnect}>
          Retry now
        </Button>
      </div>
    </div>
  );
}
