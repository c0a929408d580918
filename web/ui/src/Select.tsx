import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { inputClass, labelClass } from './fieldStyles.ts';
import { useFieldIds } from './useFieldIds.ts';

/** One choice of a {@link Select}. */
export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Props of {@link Select}: a native select (keyboard and screen readers for free) with a visible label. */
export interface SelectProps extends Omit<ComponentPropsWithRef<'select'>, 'children'> {
  label: ReactNode;
  options: ReadonlyArray<SelectOption>;
  hint?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
}

/** A labelled native select; used for sort orders and small fixed choices. */
export function Select({ label, options, hint, error, hideLabel, id, className, ...rest }: SelectProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={ids.id} className={hideLabel ? 'sr-only' : labelClass}>
        {label}
      </label>
      <select {...rest} id={ids.id} {...ids.describedBy} className={cx(inputClass, 'pr-8')}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages hintId={ids.hintId} errorId={ids.errorId} hint={hint} error={error} />
    </div>
  );
}
