import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx.ts';
import { focusRing } from './focusRing.ts';
import { Spinner } from './Spinner.tsx';

/** Visual weight of a button: one primary action per view, secondary for the rest, ghost in toolbars, danger for destructive ones. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
/** Button sizes; md is the default touch-friendly size. */
export type ButtonSize = 'sm' | 'md' | 'lg';

/** Props of {@link Button}: every native button prop plus variant, size and loading. */
export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** While true the button is disabled, shows a spinner and sets aria-busy, so a double submit is impossible. */
  loading?: boolean;
}

/** Classes per variant, exported so links styled as buttons look the same. */
export const buttonVariants: Record<ButtonVariant, string> = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-500 active:bg-indigo-700 dark:bg-indigo-500 dark:hover:bg-indigo-400',
  secondary:
    'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700',
  ghost: 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800',
  danger: 'bg-red-600 text-white hover:bg-red-700 active:bg-red-800',
};

/** Classes per size, exported with {@link buttonVariants}. */
export const buttonSizes: Record<ButtonSize, string> = {
  sm: 'h-8 px-3 text-sm gap-1.5',
  md: 'h-10 px-4 text-sm gap-2',
  lg: 'h-12 px-6 text-base gap-2',
};

/** Base classes shared by every button-looking element. */
export const buttonBase =
  'inline-flex items-center justify-center rounded-lg font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ' + focusRing;

/** The kit's button: native <button> (type="button" unless told otherwise) with variants and an accessible loading state. */
export function Button({ variant = 'primary', size = 'md', loading = false, disabled, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cx(buttonBase, buttonVariants[variant], buttonSizes[size], className)}
    >
      {loading && <Spinner size="sm" label={null} />}
      {children}
    </button>
  );
}
