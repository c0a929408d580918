import { focusRing } from './focusRing.ts';

/** Classes of a text-like control; invalid controls get a red border through aria-invalid. */
export const inputClass =
  'block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-400 shadow-xs ' +
  'aria-[invalid=true]:border-red-500 disabled:cursor-not-allowed disabled:opacity-60 ' +
  'dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 ' +
  focusRing;

/** Classes of a visible field label. */
export const labelClass = 'mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200';
