/** The currency every catalog price is in (CreateProductInput: "integer minor units of USD"). */
export const CURRENCY = 'USD';

/** The largest amount a GraphQL Int can carry (prices are 32-bit minor units). */
export const MAX_AMOUNT = 2_147_483_647;

/** A price field read from the form: empty, an amount in minor units, or why it is not one. */
export type MoneyInput = { kind: 'empty' } | { kind: 'amount'; minor: number } | { kind: 'invalid'; message: string };

/**
 * Reads what an admin typed in a price field ("19.99", "$1,299", "-5") as integer cents. Why by hand and not
 * Number(): floats turn 19.99 into 1998.9999, and "1e3" or "0x10" are not prices anyone means. A minus sign is
 * kept (the amount is negative) so the caller's "0 or more" rule names the problem instead of "not a price".
 */
export function parseMoney(text: string): MoneyInput {
  const s = text.trim().replace(/^\$/, '').replace(/,(?=\d{3}(\D|$))/g, '').trim();
  if (s === '') return { kind: 'empty' };
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s) ?? /^(-?)()\.(\d{1,2})$/.exec(s);
  if (!m) return { kind: 'invalid', message: 'Enter an amount like 19.99.' };
  const minor = Number(m[2] || '0') * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT) return { kind: 'invalid', message: 'The amount is too large.' };
  return { kind: 'amount', minor: m[1] === '-' ? -minor : minor };
}

/** Minor units as the form shows them for editing: 1999 → "19.99", 1900 → "19.00"; null → "". */
export function moneyText(minor: number | null | undefined): string {
  if (minor == null) return '';
  const sign = minor < 0 ? '-' : '';
  const a = Math.abs(minor);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * Checks a required or optional price field: returns the amount (null for an empty optional one) or the message
 * shown under it. Negative amounts are refused here as the server would ("0 or more").
 */
export function checkMoney(text: string, required: boolean): { minor: number | null; error?: string } {
  const v = parseMoney(text);
  if (v.kind === 'empty') return required ? { minor: null, error: 'Enter a price.' } : { minor: null };
  if (v.kind === 'invalid') return { minor: null, error: v.message };
  if (v.minor < 0) return { minor: null, error: 'The price must be 0 or more.' };
  return { minor: v.minor };
}
