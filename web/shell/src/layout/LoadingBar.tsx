import { useInflight } from '@nexus/client/react';
import { useEffect, useState } from 'react';

/** How long requests must be pending before the bar shows, so fast answers do not flash it. */
export const LOADING_BAR_DELAY_MS = 150;

/**
 * The global loading indicator (seed property 17): a thin bar at the top while any API request is in flight
 * (client.inflight), shown after a short delay and removed when idle.
 */
export function LoadingBar() {
  const busy = useInflight() > 0;
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!busy) {
      setVisible(false);
      return;
    }
    const t = setTimeout(() => setVisible(true), LOADING_BAR_DELAY_MS);
    return () => clearTimeout(t);
  }, [busy]);
  if (!visible) return null;
  return (
    <div role="progressbar" aria-label="Loading" aria-busy="true" className="fixed inset-x-0 top-0 z-[60] h-0.5 overflow-hidden bg-indigo-100 dark:bg-indigo-950">
      <div className="nexus-loading-bar h-full w-1/3 bg-indigo-600 dark:bg-indigo-400" />
    </div>
  );
}
