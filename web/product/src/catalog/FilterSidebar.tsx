import { Checkbox } from '@nexus/ui';
import type { ProductFilter } from '../gql/graphql';
import type { CategoryNode } from './categoryTree';
import { CategoryFilter } from './CategoryFilter';
import { withFilters, type CatalogState } from './filterState';
import { PriceFilter } from './PriceFilter';
import { TagFilter } from './TagFilter';
import type { SetCatalogState } from './useCatalogState';

/** Props of {@link FilterSidebar}. */
export interface FilterSidebarProps {
  id: string;
  /** False on small screens while the "Filters" disclosure is closed. */
  open: boolean;
  state: CatalogState;
  setState: SetCatalogState;
  categories: ReadonlyArray<CategoryNode> | undefined;
  /** The API filter of the current state without its tags, for the tag facet; null while the category is unresolved. */
  tagFacetFilter: ProductFilter | null;
}

/** The filter sidebar (a landmark named "Filters"): category tree, price range, tags and "In stock only"; every change is a new URL. */
export function FilterSidebar({ id, open, state, setState, categories, tagFacetFilter }: FilterSidebarProps) {
  return (
    <aside id={id} aria-label="Filters" className={`${open ? 'block' : 'hidden'} md:block`}>
      <h2 className="sr-only">Filters</h2>
      <div className="space-y-6 rounded-xl border border-zinc-200 p-4 dark:scheme-dark dark:border-zinc-800">
        <CategoryFilter categories={categories} value={state.category} onChange={(category) => setState(withFilters(state, { category }))} />
        <PriceFilter min={state.minPrice} max={state.maxPrice} onChange={(minPrice, maxPrice) => setState(withFilters(state, { minPrice, maxPrice }))} />
        <TagFilter
          filter={tagFacetFilter ?? {}}
          enabled={tagFacetFilter !== null}
          selected={state.tags}
          onChange={(tags) => setState(withFilters(state, { tags }))}
        />
        <fieldset>
          <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Availability</legend>
          <Checkbox label="In stock only" checked={state.inStock} onChange={(e) => setState(withFilters(state, { inStock: e.currentTarget.checked }))} />
        </fieldset>
      </div>
    </aside>
  );
}
