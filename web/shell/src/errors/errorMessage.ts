/** The parts of a NexusError (from @nexus/client) the message depends on; structural so it is testable without the client. */
export interface ErrorLike {
  kind: 'network' | 'timeout' | 'http' | 'graphql' | 'aborted';
  status?: number;
  code?: string;
  field?: string;
  message: string;
  errors?: ReadonlyArray<{ message: string }>;
}

/** Shown when the API cannot be reached; the offline banner uses the same words. */
export const OFFLINE_MESSAGE = 'You appear to be offline. Check your connection; we will keep retrying.';
/** Shown for 5xx answers and unavailable services. */
export const SERVER_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';

/** "unitPrice" / "unit_price" / "input.unitPrice" → "unit price", for messages that name a form field. */
export function humanizeField(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

function firstMessage(e: ErrorLike): string | undefined {
  const m = e.errors?.[0]?.message?.trim();
  return m && m.length <= 200 ? m : undefined;
}

/**
 * Maps a failed operation to words a shopper understands (the seed's API error handling: offline, 401, 403, 404,
 * validation, 5xx). Server texts are only shown for input errors, where they say what to fix.
 */
export function apiErrorMessage(e: ErrorLike): string {
  switch (e.kind) {
    case 'network':
      return OFFLINE_MESSAGE;
    case 'timeout':
      return 'You appear to be offline, or the server is taking too long to answer. Please try again.';
    case 'aborted':
      return 'The request was cancelled.';
    case 'http': {
      const s = e.status ?? 0;
      if (s >= 500) return SERVER_MESSAGE;
      if (s === 429) return 'Too many requests right now. Please wait a moment and try again.';
      if (s === 401) return 'Please sign in to continue.';
      if (s === 403) return 'You do not have permission to do that.';
      if (s === 404) return 'We could not find what you were looking for.';
      return `The request could not be processed (HTTP ${s}).`;
    }
    case 'graphql':
      break;
  }
  switch (e.code) {
    case 'UNAUTHENTICATED':
      return 'Please sign in to continue.';
    case 'FORBIDDEN':
      return 'You do not have permission to do that.';
    case 'NOT_FOUND':
      return 'We could not find what you were looking for.';
    case 'BAD_USER_INPUT':
    case 'INVALID': {
      const detail = firstMessage(e);
      if (e.field) return `Please check the ${humanizeField(e.field)}${detail ? `: ${detail}` : '.'}`;
      return detail ? `Please check your input: ${detail}` : 'Please check your input and try again.';
    }
    case 'SUBGRAPH_UNAVAILABLE':
    case 'QUERY_PLAN_FAILED':
    case 'INTERNAL_SERVER_ERROR':
      return SERVER_MESSAGE;
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return 'This page asked the server something it does not understand. Reloading the page may help.';
    default:
      return 'Something went wrong. Please try again.';
  }
}
