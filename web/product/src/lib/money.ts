/** The shape of every Money value the schema returns: integer minor units plus an ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}

/** Number of minor-unit digits of a currency (2 for USD, 0 for JPY), so amounts are never assumed to be cents. */
export function minorDigits(currency: string): number {
  try {
    return formatter(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Formats integer minor units for display ("$19.99"); an unknown currency code falls back to "19.99 XYZ" instead of throwing. */
export function formatMoney(money: Money, locale?: string): string {
  try {
    const digits = formatter(money.currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
    return formatter(money.currency, locale).format(money.amount / 10 ** digits);
  } catch {
    return `${(money.amount / 100).toFixed(2)} ${money.currency}`;
  }
}

/** Converts a shopper-entered major-unit amount (19.99) to the API's minor units (1999), rounding half away from zero. */
export function toMinor(major: number, currency = 'USD'): number {
  return Math.round(major * 10 ** minorDigits(currency));
}
