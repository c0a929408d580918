import { useEffect, useRef } from 'react';
import { focusRing } from '@nexus/ui';
import { categoryRows, type CategoryNode } from './categoryTree';

/** Props of {@link CategoryFilter}. */
export interface CategoryFilterProps {
  categories: ReadonlyArray<CategoryNode> | undefined;
  /** Selected category slug; null for all. */
  value: string | null;
  onChange(slug: string | null): void;
}

/** The category tree as one radio group ("All categories" plus every category, indented by depth); a category includes its descendants. */
export function CategoryFilter({ categories, value, onChange }: CategoryFilterProps) {
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
  const radio = (slug: string | null, name: string, depth: number) => (
    <li key={slug ?? ''} style={{ paddingLeft: `${depth * 0.875}rem` }}>
      <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">
        <input
          type="radio"
          name="category"
          value={slug ?? ''}
          checked={value === slug}
          onChange={() => onChange(slug)}
          className={`h-4 w-4 accent-indigo-600 ${focusRing}`}
        />
        <span className={depth === 0 ? 'font-medium' : ''}>{name}</span>
      </label>
    </li>
  );
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Category</legend>
      {categories === undefined ? (
        <p className="text-sm text-zinc-500">Loading categories…</p>
      ) : (
        <ul ref={list} className="relative max-h-80 space-y-0.5 overflow-y-auto pr-1">
          {radio(null, 'All categories', 0)}
          {rows.map((c) => radio(c.slug, c.name, c.depth))}
        </ul>
      )}
    </fieldset>
  );
}
