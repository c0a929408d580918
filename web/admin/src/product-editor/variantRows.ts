import { formatMoney } from '@nexus/ui';
import type { AdminVariantFragment } from '../gql/graphql';

/** One row of the variants table, ready to render. */
export interface VariantRow {
  id: string;
  title: string;
  sku: string;
  /** The price as shown: the variant's own, or the product's with `inherits`. */
  price: string;
  inherits: boolean;
  /** The struck-through list price, or "—". */
  compareAt: string;
  stock: number;
  /** Why "Delete" is refused before asking the server (the server refuses the same), or undefined when allowed. */
  deleteBlocked?: string;
  variant: AdminVariantFragment;
}

/**
 * The variants table's model: display strings per variant and whether deleting it can work. The server refuses to
 * delete a product's last variant or one with stock (CONFLICT); the table says so up front and still shows the
 * server's message should it refuse for a reason the page could not see (stock sold or added meanwhile).
 */
export function variantRows(variants: ReadonlyArray<AdminVariantFragment>): VariantRow[] {
  return variants.map((v) => ({
    id: v.id,
    title: v.title,
    sku: v.sku,
    price: formatMoney(v.price.amount, v.price.currency, 'en-US'),
    inherits: v.inheritsPrice,
    compareAt: v.compareAtPrice ? formatMoney(v.compareAtPrice.amount, v.compareAtPrice.currency, 'en-US') : '—',
    stock: v.stock,
    deleteBlocked: variants.length <= 1 ? 'The last variant of a product cannot be deleted.' : v.stock > 0 ? 'Remove its stock first: a variant with stock cannot be deleted.' : undefined,
    variant: v,
  }));
}

/** How many option combinations have no variant yet ("Generate variants" creates them). */
export function missingCombinations(options: ReadonlyArray<{ name: string; values: ReadonlyArray<string> }>, variants: ReadonlyArray<AdminVariantFragment>): number {
  if (options.length === 0) return 0;
  const key = (pairs: ReadonlyArray<{ name: string; value: string }>) =>
    pairs.map((p) => `${p.name.toLowerCase()}=${p.value.toLowerCase()}`).sort().join('&');
  const have = new Set(variants.map((v) => key(v.selectedOptions)));
  let combos: Array<Array<{ name: string; value: string }>> = [[]];
  for (const o of options) combos = combos.flatMap((c) => o.values.map((value) => [...c, { name: o.name, value }]));
  return combos.filter((c) => !have.has(key(c))).length;
}

/** Total stock over the variants (the product's `stock`, recomputed for the table's footer). */
export const totalStock = (variants: ReadonlyArray<{ stock: number }>): number => variants.reduce((n, v) => n + v.stock, 0);
