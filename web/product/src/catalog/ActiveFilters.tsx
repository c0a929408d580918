import { Button, Chip } from '@nexus/ui';
import { activeFilters, clearFilters } from './activeFilters';
import type { CatalogState } from './filterState';
import type { SetCatalogState } from './useCatalogState';

/** Props of {@link ActiveFilters}. */
export interface ActiveFiltersProps {
  state: CatalogState;
  setState: SetCatalogState;
  categoryName(slug: string): string;
}

/** The active filters as removable chips ("Remove filter: <label>") and a "Clear all" button; nothing when no filter is set. */
export function ActiveFilters({ state, setState, categoryName }: ActiveFiltersProps) {
  const chips = activeFilters(state, categoryName);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <h2 className="sr-only">Active filters</h2>
      <ul className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <li key={c.key}>
            <Chip label={c.label} onRemove={() => setState(c.without)} />
          </li>
        ))}
      </ul>
      <Button variant="ghost" size="sm" onClick={() => setState(clearFilters(state))}>
        Clear all
      </Button>
    </div>
  );
}
