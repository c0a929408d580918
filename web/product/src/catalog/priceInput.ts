/** Outcome of reading the two price inputs: the bounds to apply, or the inline error to show instead. */
export type PriceInput = { ok: true; min: number | null; max: number | null } | { ok: false; error: string };

const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

function amount(raw: string): number | null | undefined {
  const t = raw.trim();
  if (t === '') return null;
  return AMOUNT.test(t) ? Number(t) : undefined;
}

/** Validates shopper-typed bounds in major units: empty means no bound, at most two decimals, and the minimum may not exceed the maximum. */
export function readPriceInput(minRaw: string, maxRaw: string): PriceInput {
  const min = amount(minRaw);
  const max = amount(maxRaw);
  if (min === undefined || max === undefined) return { ok: false, error: 'Enter prices as amounts, for example 25 or 19.99.' };
  if (min !== null && max !== null && min > max) return { ok: false, error: 'Minimum price must not be more than maximum price.' };
  return { ok: true, min, max };
}
