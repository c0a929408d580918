import type { ReactNode } from 'react';
import { cx } from './cx.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { inputClass } from './fieldStyles.ts';
import { useFieldIds } from './useFieldIds.ts';

/** Props of {@link RangeInputs}: a pair of number inputs (e.g. a price range) under one legend. */
export interface RangeInputsProps {
  legend: ReactNode;
  /** Current values as strings so an empty input means "no bound". */
  min: string;
  max: string;
  onMinChange(value: string): void;
  onMaxChange(value: string): void;
  minLabel?: string;
  maxLabel?: string;
  step?: number | string;
  /** Shown before each input, e.g. a currency symbol. */
  prefix?: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  id?: string;
  className?: string;
  /** Called on Enter or blur, for filters that apply on commit rather than on every key. */
  onCommit?(): void;
}

/** Two labelled number inputs in a fieldset with a shared inline error (e.g. "Minimum is above maximum"). */
export function RangeInputs(props: RangeInputsProps) {
  const { legend, min, max, onMinChange, onMaxChange, minLabel = 'Minimum', maxLabel = 'Maximum', step, prefix, hint, error, id, className, onCommit } = props;
  const ids = useFieldIds(id, hint, error);
  const input = (which: 'min' | 'max') => (
    <div className="flex-1">
      <label htmlFor={`${ids.id}-${which}`} className="mb-1 block text-xs text-zinc-600 dark:text-zinc-400">
        {which === 'min' ? minLabel : maxLabel}
      </label>
      <div className="relative">
        {prefix ? <span className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-sm text-zinc-500" aria-hidden="true">{prefix}</span> : null}
        <input
          id={`${ids.id}-${which}`}
          type="number"
          inputMode="decimal"
          min={0}
          step={step}
          value={which === 'min' ? min : max}
          onChange={(e) => (which === 'min' ? onMinChange : onMaxChange)(e.target.value)}
          onBlur={() => onCommit?.()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onCommit?.();
          }}
          {...ids.describedBy}
          className={cx(inputClass, prefix ? 'pl-6' : '')}
        />
      </div>
    </div>
  );
  return (
    <fieldset className={className}>
      <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      <div className="flex items-end gap-2">
        {input('min')}
        <span className="pb-2 text-zinc-400" aria-hidden="true">–</span>
        {input('max')}
      </div>
      <FieldMessages hintId={ids.hintId} errorId={ids.errorId} hint={hint} error={error} />
    </fieldset>
  );
}
