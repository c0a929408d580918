import { cx } from './cx.ts';
import { formatMoney } from './money.ts';

/** Props of {@link Price}. */
export interface PriceProps {
  /** Integer minor units (cents). */
  amount: number;
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  /** The former price, shown struck through when it is above amount. */
  compareAt?: number | null;
  locale?: string;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

const sizes = { sm: 'text-sm', md: 'text-base', lg: 'text-2xl' } as const;

/** A price from minor units and a currency; a reduced price also shows the old one struck through, read as "was …". */
export function Price({ amount, currency, compareAt, locale, size = 'md', className }: PriceProps) {
  const now = formatMoney(amount, currency, locale);
  const reduced = compareAt != null && compareAt > amount;
  return (
    <span className={cx('inline-flex flex-wrap items-baseline gap-x-2', className)}>
      <span className={cx('font-semibold', sizes[size], reduced ? 'text-red-700 dark:text-red-400' : 'text-zinc-900 dark:text-zinc-50')}>
        {reduced ? <span className="sr-only">Now </span> : null}
        {now}
      </span>
      {reduced ? (
        <s className="text-sm text-zinc-500 dark:text-zinc-400">
          <span className="sr-only">was </span>
          {formatMoney(compareAt, currency, locale)}
        </s>
      ) : null}
    </span>
  );
}
