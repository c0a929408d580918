import { useSyncExternalStore } from 'react';
import { cx } from './cx.ts';
import { focusRing } from './focusRing.ts';
import { type Toast, type ToastStore, toastStore } from './toastStore.ts';

/** Props of {@link ToastViewport}. */
export interface ToastViewportProps {
  /** Defaults to the shared store; tests pass their own. */
  store?: ToastStore;
}

const tone: Record<Toast['type'], string> = {
  success: 'border-l-emerald-500',
  info: 'border-l-sky-500',
  warning: 'border-l-amber-500',
  error: 'border-l-red-500',
};
const icon: Record<Toast['type'], string> = { success: '✓', info: 'i', warning: '!', error: '!' };
const iconTone: Record<Toast['type'], string> = {
  success: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-500/20 dark:text-emerald-300',
  info: 'bg-sky-100 text-sky-700 dark:bg-sky-500/20 dark:text-sky-300',
  warning: 'bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-300',
  error: 'bg-red-100 text-red-700 dark:bg-red-500/20 dark:text-red-300',
};

function ToastCard({ t, store }: { t: Toast; store: ToastStore }) {
  return (
    <li
      onPointerEnter={() => store.pause(t.id)}
      onPointerLeave={() => store.resume(t.id)}
      onFocus={() => store.pause(t.id)}
      onBlur={() => store.resume(t.id)}
      className={cx('pointer-events-auto flex w-full items-start gap-3 rounded-lg border border-l-4 border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-800', tone[t.type])}>
      <span aria-hidden="true" className={cx('mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold', iconTone[t.type])}>
        {icon[t.type]}
      </span>
      <div className="min-w-0 flex-1 text-sm">
        {t.title ? <p className="font-semibold text-zinc-900 dark:text-zinc-50">{t.title}</p> : null}
        <p className="text-zinc-700 dark:text-zinc-200">
          {t.message}
          {t.repeats > 0 ? <span className="ml-1 text-xs text-zinc-500">(×{t.repeats + 1})</span> : null}
        </p>
        {t.action ? (
          <button type="button" onClick={t.action.onClick} className={cx('mt-1 text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400', focusRing)}>
            {t.action.label}
          </button>
        ) : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss notification"
        onClick={() => store.dismiss(t.id)}
        className={cx('-m-1 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-700', focusRing)}
      >
        <svg viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor" aria-hidden="true">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </li>
  );
}

/**
 * Renders the toasts once per page (the shell mounts it). Two live regions that always exist, so screen readers hear
 * success/info politely and warnings/errors assertively.
 */
export function ToastViewport({ store = toastStore }: ToastViewportProps) {
  const toasts = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const urgent = toasts.filter((t) => t.type === 'error' || t.type === 'warning');
  const calm = toasts.filter((t) => t.type === 'success' || t.type === 'info');
  const list = 'flex flex-col gap-2';
  return (
    <section aria-label="Notifications" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:inset-x-auto sm:right-0 sm:items-end">
      <div className="w-full max-w-sm">
        <ul aria-live="assertive" aria-atomic="false" className={list}>
          {urgent.map((t) => (
            <ToastCard key={t.id} t={t} store={store} />
          ))}
        </ul>
        <ul aria-live="polite" aria-atomic="false" className={cx(list, urgent.length && calm.length ? 'mt-2' : '')}>
          {calm.map((t) => (
            <ToastCard key={t.id} t={t} store={store} />
          ))}
        </ul>
      </div>
    </section>
  );
}
