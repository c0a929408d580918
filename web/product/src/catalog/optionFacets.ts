import type { OptionChoice } from './filterState';

/** An option in the facets with its values' counts. */
export interface OptionFacetLike {
  name: string;
  values: ReadonlyArray<{ value: string; count: number }>;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The facet groups of every option the results come in, merged with the
 * options in the URL, so a value chosen but no longer counted (0) stays on
 * screen, checked and removable. Facet order first, then the URL's.
 */
export function mergeOptionFacets(facets: ReadonlyArray<OptionFacetLike>, chosen: ReadonlyArray<OptionChoice>): OptionFacetLike[] {
  const out = facets.map((f) => ({ name: f.name, values: [...f.values] }));
  for (const c of chosen) {
    let group = out.find((g) => same(g.name, c.name));
    if (!group) {
      group = { name: c.name, values: [] };
      out.push(group);
    }
    for (const value of c.values) if (!group.values.some((x) => same(x.value, value))) group.values.push({ value, count: 0 });
  }
  return out;
}
