import type { ComponentPropsWithRef, ReactNode } from 'react';
import { FieldMessages } from './FieldMessages.tsx';
import { focusRing } from './focusRing.ts';
import { cx } from './cx.ts';
import { useFieldIds } from './useFieldIds.ts';

/** Props of {@link Checkbox}. */
export interface CheckboxProps extends Omit<ComponentPropsWithRef<'input'>, 'children' | 'type'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A native checkbox with its label beside it (the whole label is clickable) and inline error text. */
export function Checkbox({ label, hint, error, id, className, ...rest }: CheckboxProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          {...rest}
          type="checkbox"
          id={ids.id}
          {...ids.describedBy}
          className={cx('h-4 w-4 rounded border-zinc-300 accent-indigo-600 dark:border-zinc-600', focusRing)}
        />
        <label htmlFor={ids.id} className="text-sm text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
      </div>
      <FieldMessages hintId={ids.hintId} errorId={ids.errorId} hint={hint} error={error} />
    </div>
  );
}
