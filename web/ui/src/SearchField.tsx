import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { inputClass, labelClass } from './fieldStyles.ts';
import { useFieldIds } from './useFieldIds.ts';

/** Props of {@link SearchField}. */
export interface SearchFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'children' | 'type'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Header search boxes hide the label visually; it stays the accessible name. */
  hideLabel?: boolean;
}

/** A type="search" input (searchbox role) with a magnifier icon and a real label. */
export function SearchField({ label, hint, error, hideLabel, id, className, ...rest }: SearchFieldProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={ids.id} className={hideLabel ? 'sr-only' : labelClass}>
        {label}
      </label>
      <div className="relative">
        <svg className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-zinc-400" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.63 3.64a.75.75 0 1 0 1.06-1.06l-3.64-3.63A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" clipRule="evenodd" />
        </svg>
        <input {...rest} type="search" id={ids.id} {...ids.describedBy} className={cx(inputClass, 'pl-9')} />
      </div>
      <FieldMessages hintId={ids.hintId} errorId={ids.errorId} hint={hint} error={error} />
    </div>
  );
}
