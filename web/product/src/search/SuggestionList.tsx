import { cx } from '@nexus/ui';
import { formatMoney, type Money } from '../lib/money';

/** A suggestion as the search query returns it. */
export interface Suggestion {
  id: string;
  name: string;
  slug: string;
  price: Money;
}

/** Props of {@link SuggestionList}. */
export interface SuggestionListProps {
  id: string;
  label: string;
  open: boolean;
  suggestions: ReadonlyArray<Suggestion>;
  active: number;
  optionId(i: number): string;
  onPick(slug: string): void;
  onHover(i: number): void;
}

/**
 * The combobox's listbox. Always in the DOM (aria-controls points at it),
 * hidden while closed; options keep focus in the input (mousedown is
 * prevented) and the highlighted one is aria-selected.
 */
export function SuggestionList({ id, label, open, suggestions, active, optionId, onPick, onHover }: SuggestionListProps) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={label}
      hidden={!open}
      className="absolute left-0 right-0 top-full z-30 mt-1 max-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      {suggestions.map((s, i) => (
        <li
          key={s.id}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => onHover(i)}
          onClick={() => onPick(s.slug)}
          className={cx(
            'flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm',
            i === active ? 'bg-indigo-600 text-white' : 'text-zinc-800 dark:text-zinc-200',
          )}
        >
          <span className="truncate">{s.name}</span>
          <span className="sr-only">, </span>
          <span className={cx('shrink-0 text-xs', i === active ? 'text-indigo-100' : 'text-zinc-500 dark:text-zinc-400')}>{formatMoney(s.price)}</span>
        </li>
      ))}
    </ul>
  );
}
