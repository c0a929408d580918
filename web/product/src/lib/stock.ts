/** Stock at or below this many units shows "Only N left". */
export const LOW_STOCK = 5;

/** What a stock badge says and how loudly: a shopper decides on it, so the rules live in one tested place. */
export interface StockStatus {
  label: string;
  tone: 'ok' | 'low' | 'out';
}

/** Stock badge rules: 0 or less → "Out of stock", 1–5 → "Only N left", more → "In stock". */
export function stockStatus(stock: number): StockStatus {
  if (!Number.isFinite(stock) || stock <= 0) return { label: 'Out of stock', tone: 'out' };
  if (stock <= LOW_STOCK) return { label: `Only ${Math.floor(stock)} left`, tone: 'low' };
  return { label: 'In stock', tone: 'ok' };
}
