import { Select, type SelectOption } from '@nexus/ui';
import { withFilters, type CatalogState, type SortKey } from './filterState';
import type { SetCatalogState } from './useCatalogState';

const OPTIONS: ReadonlyArray<SelectOption & { value: SortKey }> = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'newest', label: 'Newest' },
  { value: 'price-asc', label: 'Price: low to high' },
  { value: 'price-desc', label: 'Price: high to low' },
  { value: 'rating', label: 'Rating' },
];

/** The "Sort by" select; Relevance is offered only while searching, and the shown value is the server's default when the URL has none. */
export function SortSelect({ state, setState }: { state: CatalogState; setState: SetCatalogState }) {
  const searching = state.q.trim() !== '';
  const options = searching ? OPTIONS : OPTIONS.filter((o) => o.value !== 'relevance');
  const value = state.sort ?? (searching ? 'relevance' : 'newest');
  return (
    <Select
      label="Sort by"
      options={options}
      value={value}
      onChange={(e) => setState(withFilters(state, { sort: e.currentTarget.value as SortKey }))}
      className="flex items-center gap-2 [&>label]:mb-0 [&>label]:whitespace-nowrap"
    />
  );
}
