import { useId } from 'react';
import { cx } from '@nexus/ui';

/** Props of {@link StarRatingInput}. */
export interface StarRatingInputProps {
  value: number;
  onChange: (stars: number) => void;
  error?: string;
  disabled?: boolean;
}

const star = 'M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9L10 1.5z';

/**
 * Five native radios ("1 star" … "5 stars") in a radiogroup named by its legend "Rating", drawn as stars: the browser gives
 * arrow-key movement and one tab stop for free; each transparent radio covers its star, so the pointer hits the
 * radio itself; and a screen reader hears "4 stars, radio, 4 of 5". Stars up to
 * the chosen one are filled, so the choice is not told by colour of one star alone.
 */
export function StarRatingInput({ value, onChange, error, disabled }: StarRatingInputProps) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset role="radiogroup" aria-labelledby={`${name}-legend`} aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined} disabled={disabled}>
      <legend id={`${name}-legend`} className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Rating</legend>
      <div className="flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="relative cursor-pointer rounded-md p-0.5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 dark:has-[:focus-visible]:ring-indigo-400">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              className="absolute inset-0 m-0 h-full w-full cursor-pointer opacity-0"
            />
            <span className="sr-only">
              {n} {n === 1 ? 'star' : 'stars'}
            </span>
            <svg viewBox="0 0 20 20" aria-hidden="true" className={cx('pointer-events-none h-7 w-7', n <= value ? 'text-amber-400' : 'text-zinc-300 dark:text-zinc-600')} fill="currentColor">
              <path d={star} />
            </svg>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
