import { apiErrorMessage, type ErrorLike } from './errorMessage.ts';

/** Where the reporter shows a message (the kit's toast store in the app, a fake in tests). */
export interface ToastSink {
  show(input: { id: string; type: 'error'; message: string }): string;
  getSnapshot(): ReadonlyArray<{ id: string }>;
}

/** Options of {@link createErrorReporter}. */
export interface ErrorReporterOptions {
  toasts: ToastSink;
  now?: () => number;
  /** After the user closed a toast, the same message stays quiet this long (ms). */
  quietMs?: number;
  log?: (...args: unknown[]) => void;
}

/** The client's onError: what the shell does with an operation that finally failed. */
export type ErrorReporter = (error: ErrorLike, op: { kind: 'query' | 'mutation'; name?: string }) => void;

/**
 * Turns every finally-failed API operation into an error toast (seed property 28) and a console log (property 31),
 * de-duplicated: failures with the same message share one toast (its counter goes up), and a toast the user closed
 * does not come back for quietMs, so one outage is one toast, not ten.
 */
export function createErrorReporter({ toasts, now = Date.now, quietMs = 15_000, log = console.error }: ErrorReporterOptions): ErrorReporter {
  const lastShown = new Map<string, number>();
  return (error, op) => {
    log(`[api] ${op.kind} ${op.name ?? '(anonymous)'} failed:`, error);
    if (error.kind === 'aborted') return;
    const message = apiErrorMessage(error);
    const id = `api-error:${message}`;
    const onScreen = toasts.getSnapshot().some((t) => t.id === id);
    const last = lastShown.get(id);
    if (!onScreen && last !== undefined && now() - last < quietMs) return;
    lastShown.set(id, now());
    toasts.show({ id, type: 'error', message });
  };
}
