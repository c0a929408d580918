import type { ProductOptionInput } from '../gql/graphql';

/** Limits of ProductOptionInput (schema): names and values 1 to 60 characters, 3 options, 50 values, 100 variants. */
export const MAX_OPTION_TEXT = 60;
export const MAX_OPTIONS = 3;
export const MAX_VALUES = 50;
export const MAX_VARIANTS = 100;

const len = (s: string) => [...s].length;

/**
 * Splits what an admin typed into an option's values box ("S, M, L") into values: trimmed, empty pieces dropped,
 * and a repeat (compared case-insensitively, as the server does) kept once, the first spelling winning — so a
 * paste of "S, M, m" never turns into a refusal.
 */
export function parseValues(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of text.split(',')) {
    const v = piece.trim();
    const k = v.toLowerCase();
    if (v === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/** Adds the values typed in `text` to `values`, skipping ones already there (case-insensitively). */
export function addValues(values: ReadonlyArray<string>, text: string): string[] {
  return parseValues([...values, ...parseValues(text)].join(','));
}

/** One option row as the editor holds it. */
export interface OptionDraft {
  name: string;
  values: string[];
}

/** Errors of the options editor: per row (`name`, `values`) and for the whole set. */
export interface OptionErrors {
  rows: Array<{ name?: string; values?: string }>;
  form?: string;
}

/** The number of variants the options make (the product of the value counts; 1 for no options). */
export const combinations = (options: ReadonlyArray<{ values: ReadonlyArray<string> }>): number =>
  options.reduce((n, o) => n * o.values.length, 1);

/** Checks the options before setProductOptions, with the server's rules; null when they are fine. */
export function validateOptions(options: ReadonlyArray<OptionDraft>): OptionErrors | null {
  const errors: OptionErrors = { rows: options.map(() => ({})) };
  let bad = false;
  const names = new Set<string>();
  options.forEach((o, i) => {
    const row = errors.rows[i] as { name?: string; values?: string };
    const name = o.name.trim();
    if (name === '') row.name = 'Enter an option name.';
    else if (len(name) > MAX_OPTION_TEXT) row.name = `The name must be at most ${MAX_OPTION_TEXT} characters.`;
    else if (names.has(name.toLowerCase())) row.name = `There is already an option named ${name}.`;
    names.add(name.toLowerCase());
    if (o.values.length === 0) row.values = 'Add at least one value.';
    else if (o.values.length > MAX_VALUES) row.values = `At most ${MAX_VALUES} values.`;
    else if (o.values.some((v) => len(v) > MAX_OPTION_TEXT)) row.values = `Each value must be at most ${MAX_OPTION_TEXT} characters.`;
    bad ||= row.name !== undefined || row.values !== undefined;
  });
  if (options.length > MAX_OPTIONS) errors.form = `A product has at most ${MAX_OPTIONS} options.`;
  else if (combinations(options) > MAX_VARIANTS) errors.form = `These options make ${combinations(options)} combinations; a product has at most ${MAX_VARIANTS} variants.`;
  return bad || errors.form ? errors : null;
}

/** The options as setProductOptions takes them (names trimmed). */
export const toOptionInputs = (options: ReadonlyArray<OptionDraft>): ProductOptionInput[] =>
  options.map((o) => ({ name: o.name.trim(), values: [...o.values] }));

/** True when the drafts differ from the saved options (names compared trimmed, values in order). */
export function optionsChanged(drafts: ReadonlyArray<OptionDraft>, saved: ReadonlyArray<{ name: string; values: ReadonlyArray<string> }>): boolean {
  if (drafts.length !== saved.length) return true;
  return drafts.some((d, i) => d.name.trim() !== saved[i]?.name || d.values.join('\u0000') !== saved[i]?.values.join('\u0000'));
}
