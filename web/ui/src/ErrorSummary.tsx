import { forwardRef } from 'react';

/** One entry of {@link ErrorSummary}: the id of the invalid control and its message. */
export interface ErrorSummaryItem {
  id: string;
  message: string;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  /** The invalid fields, in form order; nothing renders when empty and there is no message. */
  items: ReadonlyArray<ErrorSummaryItem>;
  /** A problem that belongs to no field ("Email or password is incorrect."). */
  message?: string;
  title?: string;
}

/**
 * The list of a form's problems above it (GOV.UK's error summary): an `alert`, so a screen reader announces it when
 * a submit fails, with one link per invalid field that moves focus to it. The inline error under each field says
 * the same next to the control (seed property 29).
 */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary({ items, message, title = 'There is a problem' }, ref) {
  if (!items.length && !message) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 focus:outline-none dark:border-red-800 dark:bg-red-950/50 dark:text-red-200"
    >
      <p className="font-semibold">{title}</p>
      {message ? <p className="mt-1">{message}</p> : null}
      {items.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {items.map((i) => (
            <li key={i.id}>
              <a
                href={`#${i.id}`}
                className="underline underline-offset-2 hover:no-underline"
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(i.id)?.focus();
                }}
              >
                {i.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
