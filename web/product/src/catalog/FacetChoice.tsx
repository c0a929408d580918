import { useId, type CSSProperties } from 'react';
import { cx, focusRing } from '@nexus/ui';

/** Props of {@link FacetChoice}. */
export interface FacetChoiceProps {
  type: 'radio' | 'checkbox';
  /** The radio group's name (radios only). */
  name?: string;
  label: string;
  /** Products the choice would yield; undefined while the counts load (then nothing is shown or disabled). */
  count: number | undefined;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Indentation level (the category tree). */
  depth?: number;
  strong?: boolean;
}

/**
 * One filter value with its count: a native radio or checkbox named by the
 * value alone (so it is found by its name), the count beside it as its
 * accessible description ("12 products"). A value that would yield nothing
 * is disabled, unless it is chosen (it must stay removable).
 */
export function FacetChoice({ type, name, label, count, checked, onChange, depth = 0, strong = false }: FacetChoiceProps) {
  const id = useId();
  const disabled = count === 0 && !checked;
  const style: CSSProperties | undefined = depth > 0 ? { paddingLeft: `${depth * 0.875}rem` } : undefined;
  return (
    <div className="flex items-center justify-between gap-2" style={style}>
      <label
        className={cx(
          'flex min-w-0 flex-1 items-center gap-2 rounded px-1 py-0.5 text-sm',
          disabled ? 'cursor-not-allowed text-zinc-500 dark:text-zinc-500' : 'cursor-pointer text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800',
        )}
      >
        <input
          type={type}
          name={name}
          checked={checked}
          disabled={disabled}
          aria-describedby={count === undefined ? undefined : `${id}-count`}
          onChange={(e) => onChange(e.currentTarget.checked)}
          className={cx('h-4 w-4 shrink-0 accent-indigo-600', type === 'checkbox' && 'rounded', focusRing)}
        />
        <span className={cx('truncate', strong && 'font-medium')}>{label}</span>
      </label>
      {count === undefined ? null : (
        <span id={`${id}-count`} className="shrink-0 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
          {count.toLocaleString('en-US')}
          <span className="sr-only">{count === 1 ? ' product' : ' products'}</span>
        </span>
      )}
    </div>
  );
}
