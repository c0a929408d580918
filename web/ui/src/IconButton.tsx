import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx.ts';
import { focusRing } from './focusRing.ts';

/** Props of {@link IconButton}: aria-label is required because the icon alone has no accessible name. */
export interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'aria-label'> {
  'aria-label': string;
  size?: 'sm' | 'md';
}

/** A square button holding only an icon (menu, close, cart); its name comes from the mandatory aria-label. */
export function IconButton({ className, size = 'md', type = 'button', children, ...rest }: IconButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={cx(
        'relative inline-flex items-center justify-center rounded-lg text-zinc-700 transition-colors hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-200 dark:hover:bg-zinc-800',
        size === 'sm' ? 'h-8 w-8' : 'h-10 w-10',
        focusRing,
        className,
      )}
    >
      {children}
    </button>
  );
}
