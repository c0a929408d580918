import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { inputClass, labelClass } from './fieldStyles.ts';
import { useFieldIds } from './useFieldIds.ts';

/** Props of {@link TextField}: a native input plus its visible label, an optional hint and an inline error. */
export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Keeps the label for screen readers only, where the context makes it obvious (rarely right). */
  hideLabel?: boolean;
}

/** A labelled text input with inline error text wired through aria-describedby and aria-invalid (seed property 29). */
export function TextField({ label, hint, error, hideLabel, id, className, ...rest }: TextFieldProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={ids.id} className={hideLabel ? 'sr-only' : labelClass}>
        {label}
      </label>
      <input {...rest} id={ids.id} {...ids.describedBy} className={cx(inputClass)} />
      <FieldMessages hintId={ids.hintId} errorId={ids.errorId} hint={hint} error={error} />
    </div>
  );
}
