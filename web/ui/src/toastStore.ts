/** Kind of a toast: success and info are announced politely, warning and error assertively. */
export type ToastType = 'success' | 'error' | 'warning' | 'info';

/** A toast on screen. */
export interface Toast {
  id: string;
  type: ToastType;
  message: string;
  title?: string;
  /** Milliseconds before it dismisses itself; 0 keeps it until closed. */
  duration: number;
  /** How many times the same id was shown while this one was up (dedup counter). */
  repeats: number;
  action?: { label: string; onClick: () => void };
}

/** What a caller passes to show a toast; an id makes it de-duplicating (showing the same id again refreshes the one on screen). */
export interface ToastInput {
  message: string;
  type?: ToastType;
  title?: string;
  duration?: number;
  id?: string;
  action?: { label: string; onClick: () => void };
}

/** The toast store: a tiny observable list with timers, framework-free so it can be tested with a fake clock. */
export interface ToastStore {
  show(input: ToastInput): string;
  dismiss(id: string): void;
  clear(): void;
  getSnapshot(): ReadonlyArray<Toast>;
  subscribe(listener: () => void): () => void;
}

/** Clock hooks of {@link createToastStore} (tests pass a fake one). */
export interface ToastStoreOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** At most this many toasts stay on screen; the oldest goes first. */
  max?: number;
}

const defaultDuration: Record<ToastType, number> = { success: 4000, info: 5000, warning: 7000, error: 8000 };

/** Creates a toast store; the app uses the shared {@link toastStore}, tests create their own. */
export function createToastStore(opts: ToastStoreOptions = {}): ToastStore {
  const setTimer = opts.setTimer ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const max = opts.max ?? 5;
  let toasts: ReadonlyArray<Toast> = [];
  const timers = new Map<string, unknown>();
  const listeners = new Set<() => void>();
  let seq = 0;

  const publish = (next: ReadonlyArray<Toast>) => {
    toasts = next;
    for (const l of [...listeners]) l();
  };
  const arm = (t: Toast) => {
    const old = timers.get(t.id);
    if (old !== undefined) clearTimer(old);
    timers.delete(t.id);
    if (t.duration > 0) timers.set(t.id, setTimer(() => store.dismiss(t.id), t.duration));
  };

  const store: ToastStore = {
    show(input) {
      const type = input.type ?? 'info';
      const id = input.id ?? `toast-${++seq}`;
      const existing = toasts.find((t) => t.id === id);
      const toast: Toast = {
        id,
        type,
        message: input.message,
        duration: input.duration ?? defaultDuration[type],
        repeats: existing ? existing.repeats + 1 : 0,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.action !== undefined ? { action: input.action } : {}),
      };
      let next = existing ? toasts.map((t) => (t.id === id ? toast : t)) : [...toasts, toast];
      while (next.length > max) {
        const [first, ...rest] = next;
        if (first) {
          const h = timers.get(first.id);
          if (h !== undefined) clearTimer(h);
          timers.delete(first.id);
        }
        next = rest;
      }
      arm(toast);
      publish(next);
      return id;
    },
    dismiss(id) {
      const h = timers.get(id);
      if (h !== undefined) clearTimer(h);
      timers.delete(id);
      if (toasts.some((t) => t.id === id)) publish(toasts.filter((t) => t.id !== id));
    },
    clear() {
      for (const h of timers.values()) clearTimer(h);
      timers.clear();
      publish([]);
    },
    getSnapshot: () => toasts,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

/** The page's toast store. @nexus/ui is a Module Federation singleton, so the shell and every remote share this one. */
export const toastStore: ToastStore = createToastStore();

type ToastOptions = Omit<ToastInput, 'message' | 'type'>;

/** Shows toasts from anywhere: toast.success('Added to cart'), toast.error(msg, { id }) … Returns the toast id. */
export const toast = Object.assign((message: string, opts?: ToastOptions & { type?: ToastType }) => toastStore.show({ ...opts, message }), {
  success: (message: string, opts?: ToastOptions) => toastStore.show({ ...opts, message, type: 'success' }),
  error: (message: string, opts?: ToastOptions) => toastStore.show({ ...opts, message, type: 'error' }),
  warning: (message: string, opts?: ToastOptions) => toastStore.show({ ...opts, message, type: 'warning' }),
  info: (message: string, opts?: ToastOptions) => toastStore.show({ ...opts, message, type: 'info' }),
  dismiss: (id: string) => toastStore.dismiss(id),
});
