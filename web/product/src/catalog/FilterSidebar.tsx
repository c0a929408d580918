import { CategoryFilter } from './CategoryFilter';
import type { CategoryNode } from './categoryTree';
import { FacetChoice } from './FacetChoice';
import { toggleOption, withFilters, type CatalogState } from './filterState';
import { OptionFilters } from './OptionFilters';
import { PriceBucketFilter } from './PriceBucketFilter';
import { PriceFilter } from './PriceFilter';
import { TagFilter } from './TagFilter';
import type { CatalogFacets } from './useCatalogPages';
import type { SetCatalogState } from './useCatalogState';

/** Props of {@link FilterSidebar}. */
export interface FilterSidebarProps {
  id: string;
  /** False on small screens while the "Filters" disclosure is closed. */
  open: boolean;
  state: CatalogState;
  setState: SetCatalogState;
  categories: ReadonlyArray<CategoryNode> | undefined;
  /** The facet counts of the current results (the last ones while new ones load); undefined before the first. */
  facets: CatalogFacets | undefined;
  /** New counts are on their way (the shown ones are the previous filters'). */
  updating: boolean;
  /** The results (and so the counts) failed to load. */
  failed: boolean;
}

/**
 * The filter sidebar (a landmark named "Filters"): category tree, price
 * buckets and range, tags, one group per option and "In stock only", each
 * value with the number of products it would yield (the facets of the same
 * products query as the grid); every change is a new URL.
 */
export function FilterSidebar({ id, open, state, setState, categories, facets, updating, failed }: FilterSidebarProps) {
  const categoryCounts = facets ? new Map(facets.categories.map((c) => [c.category.id, c.count])) : undefined;
  return (
    <aside id={id} aria-label="Filters" className={`${open ? 'block' : 'hidden'} md:block`}>
      <h2 className="sr-only">Filters</h2>
      <div aria-busy={updating || undefined} className="space-y-6 rounded-xl border border-zinc-200 p-4 transition-opacity aria-busy:opacity-70 dark:scheme-dark dark:border-zinc-800">
        <CategoryFilter categories={categories} counts={categoryCounts} value={state.category} onChange={(category) => setState(withFilters(state, { category }))} />
        <PriceBucketFilter buckets={facets?.priceBuckets} minPrice={state.minPrice} maxPrice={state.maxPrice} onChange={(minPrice, maxPrice) => setState(withFilters(state, { minPrice, maxPrice }))} />
        <PriceFilter min={state.minPrice} max={state.maxPrice} onChange={(minPrice, maxPrice) => setState(withFilters(state, { minPrice, maxPrice }))} />
        <OptionFilters facets={facets?.options} chosen={state.options} onToggle={(name, value, on) => setState(toggleOption(state, name, value, on))} />
        <TagFilter tags={facets?.tags} selected={state.tags} failed={failed} onChange={(tags) => setState(withFilters(state, { tags }))} />
        <fieldset>
          <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Availability</legend>
          <FacetChoice type="checkbox" label="In stock only" count={facets?.inStock} checked={state.inStock} onChange={(inStock) => setState(withFilters(state, { inStock }))} />
        </fieldset>
      </div>
    </aside>
  );
}
