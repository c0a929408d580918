import { useEffect, useRef } from 'react';
import { Button, Chip } from '@nexus/ui';
import { activeFilters, clearFilters } from './activeFilters';
import type { CatalogState } from './filterState';
import type { SetCatalogState } from './useCatalogState';

/** Props of {@link ActiveFilters}. */
export interface ActiveFiltersProps {
  state: CatalogState;
  setState: SetCatalogState;
  categoryName(slug: string): string;
  /** Called when the last chip went away, so the page can put keyboard focus somewhere sensible. */
  onEmptied(): void;
}

/**
 * The active filters as removable chips ("Remove filter: <label>") and a
 * "Clear all" button; nothing when no filter is set. Removing a chip moves
 * focus to the next remove button (the previous one after the last), or to
 * the results heading when none is left; never to the page body.
 */
export function ActiveFilters({ state, setState, categoryName, onEmptied }: ActiveFiltersProps) {
  const chips = activeFilters(state, categoryName);
  const root = useRef<HTMLDivElement>(null);
  const refocus = useRef<{ removed: string; next: string | null } | null>(null);
  useEffect(() => {
    const r = refocus.current;
    if (r === null) return;
    const el = root.current;
    // Wait for the render in which the removed chip is gone.
    if (el?.querySelector(`li[data-chip="${CSS.escape(r.removed)}"]`)) return;
    refocus.current = null;
    const next = r.next === null ? null : el?.querySelector<HTMLButtonElement>(`li[data-chip="${CSS.escape(r.next)}"] button`);
    if (next) next.focus();
    else onEmptied();
  });
  if (chips.length === 0) return null;
  return (
    <div ref={root} className="flex flex-wrap items-center gap-2">
      <h3 className="sr-only">Active filters</h3>
      <ul className="flex flex-wrap gap-2">
        {chips.map((c, i) => (
          <li key={c.key} data-chip={c.key}>
            <Chip
              label={c.label}
              onRemove={() => {
                refocus.current = { removed: c.key, next: (chips[i + 1] ?? chips[i - 1])?.key ?? null };
                setState(c.without);
              }}
            />
          </li>
        ))}
      </ul>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => {
          setState(clearFilters(state));
          onEmptied();
        }}
      >
        Clear all
      </Button>
    </div>
  );
}
