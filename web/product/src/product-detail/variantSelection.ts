/** One option value of a variant (Size = M), as the schema returns it. */
export interface OptionValue {
  name: string;
  value: string;
}

/** The parts of a variant the picker decides on. */
export interface VariantLike {
  id: string;
  stock: number;
  selectedOptions: ReadonlyArray<OptionValue>;
}

/** An option with its values in display order. */
export interface OptionLike {
  name: string;
  values: ReadonlyArray<string>;
}

/**
 * How a value shows in the picker, given the other options' selected values:
 * 'available' — that combination exists and is in stock; 'soldOut' — it
 * exists with no stock; 'unavailable' — it is not sold in that combination
 * (another variant has the value); 'none' — no variant has the value at all.
 */
export type ValueState = 'available' | 'soldOut' | 'unavailable' | 'none';

// The server compares option names and values case-insensitively; so do we.
const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The variant's value of an option, or undefined when it has none. */
export function valueOf(v: VariantLike, option: string): string | undefined {
  return v.selectedOptions.find((o) => same(o.name, option))?.value;
}

/** What a shopper sees first: the first variant in stock (the server orders them by the options' value order), else the first. */
export function initialVariant<V extends VariantLike>(variants: ReadonlyArray<V>): V | undefined {
  return variants.find((v) => v.stock > 0) ?? variants[0];
}

/** The variant a URL names (`?variant=<id>`), else the initial one: a stale or foreign id never breaks the page. */
export function resolveVariant<V extends VariantLike>(variants: ReadonlyArray<V>, id: string | null): V | undefined {
  return (id === null ? undefined : variants.find((v) => v.id === id)) ?? initialVariant(variants);
}

/** The variant with `option` = `value` and every other option as in `selected`; undefined when that combination is not sold. */
export function combination<V extends VariantLike>(options: ReadonlyArray<OptionLike>, variants: ReadonlyArray<V>, selected: VariantLike, option: string, value: string): V | undefined {
  return variants.find((v) => same(valueOf(v, option), value) && options.every((o) => same(o.name, option) || same(valueOf(v, o.name), valueOf(selected, o.name))));
}

/** The state of one value of one option while `selected` is chosen (see ValueState). */
export function valueState(options: ReadonlyArray<OptionLike>, variants: ReadonlyArray<VariantLike>, selected: VariantLike, option: string, value: string): ValueState {
  const v = combination(options, variants, selected, option, value);
  if (v) return v.stock > 0 ? 'available' : 'soldOut';
  return variants.some((x) => same(valueOf(x, option), value)) ? 'unavailable' : 'none';
}

/**
 * The variant a click on `value` selects. The exact combination with the
 * other selected values when it is sold (even sold out: the shopper asked for
 * it and sees it is sold out); otherwise the closest variant that has the
 * value — in stock first, then keeping the selections of the earlier options,
 * then the server's order — so every variant stays reachable and the picker never
 * traps a shopper in a corner of unavailable combinations. Undefined when no
 * variant has the value.
 */
export function pickValue<V extends VariantLike>(options: ReadonlyArray<OptionLike>, variants: ReadonlyArray<V>, selected: VariantLike, option: string, value: string): V | undefined {
  const exact = combination(options, variants, selected, option, value);
  if (exact) return exact;
  // Kept selections weigh by option order (an earlier option outweighs all later ones together): picking a
  // variant's values from the first option to the last then always arrives at it when it is in stock.
  const weight = (i: number) => 2 ** (options.length - i);
  let best: V | undefined;
  let bestScore = -1;
  for (const v of variants) {
    if (!same(valueOf(v, option), value)) continue;
    let score = v.stock > 0 ? 2 ** (options.length + 1) : 0;
    options.forEach((o, i) => {
      if (!same(o.name, option) && same(valueOf(v, o.name), valueOf(selected, o.name))) score += weight(i);
    });
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}
