import { cx } from '@nexus/ui';
import { formatMoney } from '../lib/money';
import type { Suggestion, SuggestionTarget } from './suggestions';

/** Props of {@link SuggestionList}. */
export interface SuggestionListProps {
  id: string;
  label: string;
  open: boolean;
  /** Products first, then categories (the order the keyboard walks). */
  suggestions: ReadonlyArray<Suggestion>;
  active: number;
  optionId(i: number): string;
  onPick(target: SuggestionTarget): void;
  onHover(i: number): void;
}

const GROUPS = [
  { kind: 'product', title: 'Products' },
  { kind: 'category', title: 'Categories' },
] as const;

/**
 * The combobox's listbox, its options grouped under "Products" and
 * "Categories" (role=group). Always in the DOM (aria-controls points at it),
 * hidden while closed; options keep focus in the input (mousedown is
 * prevented) and the highlighted one is aria-selected.
 */
export function SuggestionList({ id, label, open, suggestions, active, optionId, onPick, onHover }: SuggestionListProps) {
  return (
    <div
      id={id}
      role="listbox"
      aria-label={label}
      hidden={!open}
      className="absolute left-0 right-0 top-full z-30 mt-1 max-h-96 overflow-auto rounded-lg border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      {GROUPS.map((g) => {
        const items = suggestions.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === g.kind);
        if (items.length === 0) return null;
        const headId = `${id}-${g.kind}`;
        return (
          <div key={g.kind} role="group" aria-labelledby={headId}>
            <div id={headId} role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
              {g.title}
            </div>
            {items.map(({ s, i }) => (
              <div
                key={s.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => onHover(i)}
                onClick={() => onPick(s)}
                className={cx(
                  'flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm',
                  i === active ? 'bg-indigo-600 text-white' : 'text-zinc-800 dark:text-zinc-200',
                )}
              >
                <span className="truncate">{s.name}</span>
                {s.price ? (
                  <>
                    <span className="sr-only">, </span>
                    <span className={cx('shrink-0 text-xs', i === active ? 'text-indigo-100' : 'text-zinc-600 dark:text-zinc-400')}>{formatMoney(s.price)}</span>
                  </>
                ) : null}
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
