import { useId, useState, type KeyboardEvent } from 'react';
import { cx, inputClass } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { SearchSuggestionsDocument } from '../gql/graphql';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { comboboxKey } from './comboboxKeys';
import { SuggestionList } from './SuggestionList';
import { flattenSuggestions, type SuggestionTarget } from './suggestions';

/** Wait after the last keystroke before asking for suggestions. */
export const SUGGEST_DEBOUNCE_MS = 200;
/** Shortest text that gets suggestions. */
export const SUGGEST_MIN_CHARS = 2;

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  /** Accessible name (also the visually hidden label). */
  label: string;
  /** The search in force (from the URL); the input shows it when it changes. */
  value: string;
  /** Enter without a highlighted suggestion. */
  onSubmit(q: string): void;
  /** A suggestion chosen (Enter on it or a click): a product or a category. */
  onPick(target: SuggestionTarget): void;
  placeholder?: string;
  className?: string;
}

/**
 * Product search with autocomplete, following the ARIA combobox pattern:
 * role=combobox with aria-expanded, aria-controls (the listbox) and
 * aria-activedescendant; ArrowDown/ArrowUp move through the suggestions,
 * Enter picks one (or searches), Escape closes the list (or clears the text).
 * Suggestions (products, then categories) come from `searchSuggestions`,
 * debounced; the server makes them prefix and typo tolerant. When there are
 * none, or they failed, a status line under the input says so (Enter still
 * searches).
 */
export function SearchBox({ label, value, onSubmit, onPick, placeholder = 'Search products…', className }: SearchBoxProps) {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  const term = useDebouncedValue(text.trim(), SUGGEST_DEBOUNCE_MS);
  const enabled = open && term.length >= SUGGEST_MIN_CHARS;
  const { data, error, fetching } = useQuery(SearchSuggestionsDocument, { query: term }, { enabled });
  const current = enabled && term === text.trim();
  const answer = current ? data?.searchSuggestions : undefined;
  const suggestions = flattenSuggestions(answer);
  const expanded = open && suggestions.length > 0;
  let status = '';
  if (open && current && !fetching) {
    if (!answer && error) status = 'Suggestions are unavailable right now. Press Enter to search.';
    else if (answer && suggestions.length === 0) status = `No suggestions for “${term}”. Press Enter to search.`;
  }
  const optionId = (i: number) => `${id}-option-${i}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (target: SuggestionTarget) => {
    close();
    onPick(target);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const action = comboboxKey(e.key, { active, count: suggestions.length, expanded, text });
    if (action.type !== 'none') e.preventDefault();
    switch (action.type) {
      case 'move':
        setOpen(true);
        setActive(action.active);
        break;
      case 'pick': {
        const chosen = suggestions[action.index];
        if (chosen) pick(chosen);
        break;
      }
      case 'submit':
        close();
        onSubmit(text.trim());
        break;
      case 'close':
        close();
        break;
      case 'clear':
        setText('');
        break;
    }
  };

  return (
    <div role="search" aria-label={label} className={cx('relative', className)}>
      <label htmlFor={`${id}-input`} className="sr-only">
        {label}
      </label>
      <svg className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-zinc-400" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
        <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.63 3.64a.75.75 0 1 0 1.06-1.06l-3.64-3.63A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" clipRule="evenodd" />
      </svg>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        enterKeyHint="search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={placeholder}
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
        className={cx(inputClass, 'pl-9')}
      />
      <p
        role="status"
        className={status === '' ? 'sr-only' : 'absolute left-0 right-0 top-full z-30 mt-1 rounded-lg border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300'}
      >
        {status}
      </p>
      <SuggestionList id={listboxId} label={`${label} suggestions`} open={expanded} suggestions={suggestions} active={active} optionId={optionId} onPick={pick} onHover={setActive} />
    </div>
  );
}
