import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { inputClass, labelClass } from './fieldStyles.ts';
import { useFieldIds } from './useFieldIds.ts';

/** Props of {@link TextArea}: a native textarea plus its visible label, an optional hint and an inline error. */
export interface TextAreaProps extends Omit<ComponentPropsWithRef<'textarea'>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A labelled multi-line text input wired like {@link TextField} (aria-describedby, aria-invalid). */
export function TextArea({ label, hint, error, id, className, rows = 3, ...rest }: TextAreaProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={className}>
      <label htmlFor={ids.id} className={labelClass}>
        {label}
      </label>
      <textarea {...rest} rows={rows} id={ids.id} {...ids.describedBy} className={cx(inputClass)} />
      <FieldMessages hintId={ids.hintId} errorId={ids.errorId} hint={hint} error={error} />
    </div>
  );
}
