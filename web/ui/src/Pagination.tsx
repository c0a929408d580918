import { buttonBase, buttonSizes, buttonVariants } from './Button.tsx';
import { cx } from './cx.ts';
import { pageWindow } from './pageWindow.ts';

/** Props of {@link Pagination}: numbered (page + pageCount + onPageChange) or cursor-based (hasPrevious/hasNext + onPrevious/onNext, for Relay connections). */
export interface PaginationProps {
  page?: number;
  pageCount?: number;
  onPageChange?: (page: number) => void;
  hasPrevious?: boolean;
  hasNext?: boolean;
  onPrevious?: () => void;
  onNext?: () => void;
  /** Name of the navigation landmark. */
  label?: string;
  className?: string;
}

const item = cx(buttonBase, buttonSizes.sm, 'min-w-8');

/** A pagination navigation landmark: Previous / page numbers (current one marked aria-current="page") / Next. */
export function Pagination({ page = 1, pageCount, onPageChange, hasPrevious, hasNext, onPrevious, onNext, label = 'Pagination', className }: PaginationProps) {
  const numbered = pageCount != null && onPageChange != null;
  const canPrev = numbered ? page > 1 : !!hasPrevious;
  const canNext = numbered ? page < (pageCount ?? 1) : !!hasNext;
  const prev = () => (numbered ? onPageChange?.(page - 1) : onPrevious?.());
  const next = () => (numbered ? onPageChange?.(page + 1) : onNext?.());
  return (
    <nav aria-label={label} className={cx('flex items-center justify-center gap-1', className)}>
      <button type="button" className={cx(item, buttonVariants.secondary)} disabled={!canPrev} onClick={prev}>
        <span aria-hidden="true">←</span> Previous
      </button>
      {numbered ? (
        <ul className="hidden items-center gap-1 sm:flex">
          {pageWindow(page, pageCount).map((p, i) =>
            p === 'gap' ? (
              <li key={`gap-${i}`} className="px-1 text-zinc-500" aria-hidden="true">
                …
              </li>
            ) : (
              <li key={p}>
                <button
                  type="button"
                  aria-label={`Page ${p}`}
                  aria-current={p === page ? 'page' : undefined}
                  onClick={() => onPageChange(p)}
                  className={cx(item, p === page ? buttonVariants.primary : buttonVariants.ghost)}
                >
                  {p}
                </button>
              </li>
            ),
          )}
        </ul>
      ) : null}
      <button type="button" className={cx(item, buttonVariants.secondary)} disabled={!canNext} onClick={next}>
        Next <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
