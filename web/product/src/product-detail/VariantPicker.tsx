import { Fragment, useId } from 'react';
import { cx } from '@nexus/ui';
import { pickValue, valueOf, valueState, type OptionLike, type ValueState, type VariantLike } from './variantSelection';

/** Props of {@link VariantPicker}. */
export interface VariantPickerProps<V extends VariantLike> {
  options: ReadonlyArray<OptionLike>;
  variants: ReadonlyArray<V>;
  selected: V;
  onSelect(variant: V): void;
}

const chip = (state: ValueState) =>
  cx(
    'relative inline-flex min-w-12 cursor-pointer select-none items-center justify-center rounded-lg border px-3 py-2 text-sm font-medium transition-colors',
    'border-zinc-300 bg-white text-zinc-900 hover:border-zinc-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:border-zinc-400',
    'has-checked:border-indigo-600 has-checked:bg-indigo-600 has-checked:text-white dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-500 dark:has-checked:text-white',
    'has-focus-visible:ring-2 has-focus-visible:ring-indigo-500 has-focus-visible:ring-offset-2 has-focus-visible:ring-offset-white dark:has-focus-visible:ring-indigo-400 dark:has-focus-visible:ring-offset-zinc-900',
    state !== 'available' && 'border-dashed text-zinc-600 line-through dark:text-zinc-400',
    state === 'none' && 'cursor-not-allowed opacity-70 hover:border-zinc-300 dark:hover:border-zinc-600',
  );

/** The hidden description of a value that cannot be bought as things are selected. */
function stateText(state: ValueState, others: string): string | null {
  if (state === 'soldOut') return 'Sold out';
  if (state === 'unavailable') return others === '' ? 'Unavailable' : `Unavailable in ${others}`;
  if (state === 'none') return 'Unavailable';
  return null;
}

/**
 * One radio group per option (role=radiogroup named by the option, native
 * radios named by their value, styled as chips), so arrow keys, focus and
 * screen readers behave as they do for any radio group. A value whose
 * combination with the other selections is sold out or not sold is struck
 * through and described as "Sold out" / "Unavailable in …", but stays
 * operable: picking it shows that sold-out variant, or moves to the closest
 * variant that has the value (see pickValue) — disabling it instead could
 * leave an in-stock variant unreachable. Only a value no variant has at all
 * is disabled.
 */
export function VariantPicker<V extends VariantLike>({ options, variants, selected, onSelect }: VariantPickerProps<V>) {
  const id = useId();
  return (
    <div className="space-y-4">
      {options.map((o, oi) => {
        const labelId = `${id}-o${oi}`;
        const current = valueOf(selected, o.name);
        const others = options
          .filter((x) => x.name !== o.name)
          .map((x) => valueOf(selected, x.name))
          .filter((x): x is string => x !== undefined)
          .join(' / ');
        return (
          <div key={o.name} role="radiogroup" aria-labelledby={labelId}>
            <p className="mb-2 text-sm">
              <span id={labelId} className="font-semibold text-zinc-900 dark:text-zinc-100">
                {o.name}
              </span>
              {current !== undefined ? (
                <span aria-hidden="true" className="ml-2 text-zinc-600 dark:text-zinc-400">
                  {current}
                </span>
              ) : null}
            </p>
            <div className="flex flex-wrap gap-2">
              {o.values.map((value, vi) => {
                const state = valueState(options, variants, selected, o.name, value);
                const text = stateText(state, others);
                const descId = `${labelId}-v${vi}`;
                // The description sits outside the label, which would otherwise make it part of the radio's name.
                return (
                  <Fragment key={value}>
                    <label className={chip(state)}>
                      <input
                        type="radio"
                        name={labelId}
                        value={value}
                        checked={current !== undefined && current.toLowerCase() === value.toLowerCase()}
                        disabled={state === 'none'}
                        aria-describedby={text ? descId : undefined}
                        onChange={() => {
                          const next = pickValue(options, variants, selected, o.name, value);
                          if (next && next.id !== selected.id) onSelect(next);
                        }}
                        className="sr-only"
                      />
                      {value}
                    </label>
                    {text ? (
                      <span id={descId} className="sr-only">
                        {text}
                      </span>
                    ) : null}
                  </Fragment>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
