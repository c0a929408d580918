import { useEffect, useRef } from 'react';
import { categoryRows, type CategoryNode } from './categoryTree';
import { FacetChoice } from './FacetChoice';

/** Props of {@link CategoryFilter}. */
export interface CategoryFilterProps {
  categories: ReadonlyArray<CategoryNode> | undefined;
  /** Matching products per category id, subtree included (the category facet); undefined while loading. */
  counts: ReadonlyMap<string, number> | undefined;
  /** Selected category slug; null for all. */
  value: string | null;
  onChange(slug: string | null): void;
}

/**
 * The category tree as one radio group ("All categories" plus every
 * category, indented by depth) with the number of matching products in each
 * subtree; a category includes its descendants, and one with no match is
 * disabled unless selected.
 */
export function CategoryFilter({ categories, counts, value, onChange }: CategoryFilterProps) {
  const rows = categoryRows(categories ?? []);
  const list = useRef<HTMLUListElement>(null);
  const loaded = categories !== undefined;
  useEffect(() => {
    // Scroll the list (not the page) so the selected category is in view, e.g. after following a breadcrumb.
    const ul = list.current;
    const checked = ul?.querySelector<HTMLInputElement>('input:checked')?.closest('li');
    if (ul && checked && (checked.offsetTop < ul.scrollTop || checked.offsetTop + checked.offsetHeight > ul.scrollTop + ul.clientHeight)) {
      ul.scrollTop = checked.offsetTop - ul.clientHeight / 2;
    }
  }, [value, loaded]);
  // Every product is in exactly one category, so the top-level counts add up to all matches.
  const total = counts === undefined ? undefined : rows.filter((r) => r.depth === 0).reduce((n, r) => n + (counts.get(r.id) ?? 0), 0);
  const count = (id: string) => (counts === undefined ? undefined : (counts.get(id) ?? 0));
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Category</legend>
      {categories === undefined ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading categories…</p>
      ) : (
        <ul ref={list} className="relative max-h-80 space-y-0.5 overflow-y-auto pr-1">
          <li>
            <FacetChoice type="radio" name="category" label="All categories" count={total} checked={value === null} onChange={() => onChange(null)} strong />
          </li>
          {rows.map((c) => (
            <li key={c.slug}>
              <FacetChoice type="radio" name="category" label={c.name} count={count(c.id)} checked={value === c.slug} onChange={() => onChange(c.slug)} depth={c.depth} strong={c.depth === 0} />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
