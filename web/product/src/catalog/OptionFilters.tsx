import { FacetChoice } from './FacetChoice';
import { optionChosen, type OptionChoice } from './filterState';
import { mergeOptionFacets, type OptionFacetLike } from './optionFacets';

/** Props of {@link OptionFilters}. */
export interface OptionFiltersProps {
  /** The option facets; undefined while loading. */
  facets: ReadonlyArray<OptionFacetLike> | undefined;
  chosen: ReadonlyArray<OptionChoice>;
  onToggle(name: string, value: string, on: boolean): void;
}

/** One checkbox group per option (e.g. Size: S 12, M 41), multi-select: a product matches with a variant having any checked value. */
export function OptionFilters({ facets, chosen, onToggle }: OptionFiltersProps) {
  if (facets === undefined) return null;
  const groups = mergeOptionFacets(facets, chosen);
  return (
    <>
      {groups.map((g) => (
        <fieldset key={g.name}>
          <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">{g.name}</legend>
          <ul className="space-y-0.5">
            {g.values.map((v) => (
              <li key={v.value}>
                <FacetChoice type="checkbox" label={v.value} count={v.count} checked={optionChosen(chosen, g.name, v.value)} onChange={(on) => onToggle(g.name, v.value, on)} />
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </>
  );
}
