/** The parts of a NexusError a message depends on (structural, so it is testable without the client). */
export interface ErrorLike {
  kind: string;
  status?: number;
  code?: string;
}

/**
 * Plain words for a failed catalog read: offline and timeouts say so (the
 * retry button is the way forward), server trouble is not the shopper's fault,
 * and raw server texts are never shown.
 */
export function errorMessage(e: ErrorLike | undefined): string {
  if (!e) return 'Something went wrong. Please try again.';
  if (e.kind === 'network') return 'You appear to be offline. Check your connection and try again.';
  if (e.kind === 'timeout') return 'The server took too long to answer. Please try again.';
  if (e.status === 429) return 'Too many requests right now. Please wait a moment and try again.';
  if (e.code === 'SUBGRAPH_UNAVAILABLE' || (e.status !== undefined && e.status >= 500)) return 'The catalog is temporarily unavailable. Please try again in a moment.';
  return 'Something went wrong. Please try again.';
}
