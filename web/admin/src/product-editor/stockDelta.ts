/** Longest reason adjustStock accepts (it is kept in the stock event, an audit note). */
export const MAX_STOCK_REASON = 500;

/** The adjust-stock form's values as typed. */
export interface StockAdjustDraft {
  delta: string;
  reason: string;
}

/** A checked adjustment, or the messages to show under its fields. */
export type StockAdjustCheck =
  | { ok: true; delta: number; reason: string; after: number }
  | { ok: false; errors: { delta?: string; reason?: string } };

/**
 * Checks an adjustment against the stock the admin sees, as adjustStock will: a whole number of units (a sign
 * allowed: "+5", "-3"), not 0, not taking the stock below 0; a reason of 1 to 500 characters. The server checks
 * again against the stock at that moment (someone may have sold the last unit since).
 */
export function checkStockAdjust(d: StockAdjustDraft, stock: number): StockAdjustCheck {
  const errors: { delta?: string; reason?: string } = {};
  const t = d.delta.trim();
  const n = /^[+-]?\d{1,9}$/.test(t) ? Number(t) : NaN;
  if (t === '') errors.delta = 'Enter the units to add, or a negative number to remove.';
  else if (Number.isNaN(n)) errors.delta = 'Enter a whole number of units, like 5 or -3.';
  else if (n === 0) errors.delta = 'The change must not be 0.';
  else if (stock + n < 0) errors.delta = `Only ${stock} in stock: at most ${stock} can be removed.`;
  const reason = d.reason.trim();
  if (reason === '') errors.reason = 'Enter a reason for the change.';
  else if ([...reason].length > MAX_STOCK_REASON) errors.reason = `The reason must be at most ${MAX_STOCK_REASON} characters.`;
  if (errors.delta || errors.reason) return { ok: false, errors };
  return { ok: true, delta: n, reason, after: stock + n };
}
