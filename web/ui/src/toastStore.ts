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
  /** Stops the auto-dismiss clock while the pointer or focus is on the toast (WCAG 2.2.1), resume restarts it with what was left. */
  pause(id: string): void;
  resume(id: string): void;
  clear(): void;
  getSnapshot(): ReadonlyArray<Toast>;
  subscribe(listener: () => void): () => void;
}

/** Clock hooks of {@link createToastStore} (tests pass a fake one). */
export interface ToastStoreOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
  /** At most this many toasts stay on screen; the oldest goes first. */
  max?: number;
}

const defaultDuration: Record<ToastType, number> = { success: 4000, info: 5000, warning: 7000, error: 8000 };

/** Creates a toast store; the app uses the shared {@link toastStore}, tests create their own. */
export function createToastStore(opts: ToastStoreOptions = {}): ToastStore {
  const setTimer = opts.setTimer ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const now = opts.now ?? (() => Date.now());
  const max = opts.max ?? 5;
  /** id → when its timer fires, and (while paused) how much time was left */
  const deadlines = new Map<string, number>();
  const remaining = new Map<string, number>();
  let toasts: ReadonlyArray<Toast> = [];
  const timers = new Map<string, unknown>();
  const listeners = new Set<() => void>();
  let seq = 0;

  const publish = (next: ReadonlyArray<Toast>) => {
    toasts = next;
    for (const l of [...listeners]) l();
  };
  const disarm = (id: string) => {
    const old = timers.get(id);
    if (old !== undefined) clearTimer(old);
    timers.delete(id);
    deadlines.delete(id);
  };
  const arm = (id: string, ms: number) => {
    disarm(id);
    remaining.delete(id);
    if (ms <= 0) return;
    deadlines.set(id, now() + ms);
    timers.set(id, setTimer(() => store.dismiss(id), ms));
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
        if (first) disarm(first.id);
        next = rest;
      }
      if (toast.duration > 0) arm(id, toast.duration);
      else disarm(id);
      publish(next);
      return id;
    },
    dismiss(id) {
      disarm(id);
      remaining.delete(id);
      if (toasts.some((t) => t.id === id)) publish(toasts.filter((t) => t.id !== id));
    },
    pause(id) {
      const at = deadlines.get(id);
      if (at === undefined) return;
      disarm(id);
      remaining.set(id, Math.max(0, at - now()));
    },
    resume(id) {
      const left = remaining.get(id);
      if (left === undefined || !toasts.some((t) => t.id === id)) return;
      arm(id, Math.max(left, 1000));
    },
    clear() {
      for (const h of timers.values()) clearTimer(h);
      timers.clear();
      deadlines.clear();
      remaining.clear();
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
