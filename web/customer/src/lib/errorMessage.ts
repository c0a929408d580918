/** The parts of a NexusError a message depends on (structural, so it is testable without the client). */
export interface ErrorLike {
  kind: string;
  status?: number;
  code?: string;
}

/** True when the failure is the network's (offline): pages show the offline state with a retry. */
export const isOffline = (e: ErrorLike | undefined) => e?.kind === 'network';

/**
 * Plain words for a failed account read or save: offline and timeouts say so, server trouble is not the shopper's
 * fault, a lost session says to sign in again; raw server texts are never shown here (forms show field messages).
 */
export function errorMessage(e: ErrorLike | undefined): string {
  if (!e) return 'Something went wrong. Please try again.';
  if (e.kind === 'network') return 'You appear to be offline. Check your connection and try again.';
  if (e.kind === 'timeout') return 'The server took too long to answer. Please try again.';
  if (e.code === 'UNAUTHENTICATED' || e.status === 401) return 'Your session has ended. Please sign in again.';
  if (e.code === 'FORBIDDEN' || e.status === 403) return 'You are not allowed to do that.';
  if (e.status === 429 || e.code === 'TOO_MANY_REQUESTS') return 'Too many requests right now. Please wait a moment and try again.';
  if (e.code === 'SUBGRAPH_UNAVAILABLE' || (e.status !== undefined && e.status >= 500)) return 'Your account is temporarily unavailable. Please try again in a moment.';
  return 'Something went wrong. Please try again.';
}
