import { useState } from 'react';
import { Button } from '@nexus/ui';
import { FacetChoice } from './FacetChoice';

/** How many tag choices show before "Show all tags" (chosen tags always show). */
export const MAX_TAGS = 10;

/** Props of {@link TagFilter}. */
export interface TagFilterProps {
  /** The tag facet (most frequent first); undefined while loading. */
  tags: ReadonlyArray<{ tag: string; count: number }> | undefined;
  selected: ReadonlyArray<string>;
  /** The counts failed to load (the results show the error and its retry). */
  failed?: boolean;
  onChange(tags: string[]): void;
}

/**
 * Tag checkboxes with counts, from the products query's tag facet: the
 * chosen tags first, then the most frequent; a product must carry every
 * checked tag. The list is cut at MAX_TAGS behind a "Show all" button.
 */
export function TagFilter({ tags, selected, failed = false, onChange }: TagFilterProps) {
  const [all, setAll] = useState(false);
  const counted = new Map((tags ?? []).map((t) => [t.tag, t.count]));
  const rows = [...selected.map((tag) => ({ tag, count: counted.get(tag) ?? 0 })), ...(tags ?? []).filter((t) => !selected.includes(t.tag))];
  const shown = all ? rows : rows.slice(0, Math.max(MAX_TAGS, selected.length));
  const toggle = (tag: string, on: boolean) => onChange(on ? [...selected, tag] : selected.filter((t) => t !== tag));
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Tags</legend>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{tags ? 'No tags for these results.' : failed ? 'Tags are unavailable right now.' : 'Loading tags…'}</p>
      ) : (
        <>
          <ul className="space-y-0.5">
            {shown.map((t) => (
              <li key={t.tag}>
                <FacetChoice type="checkbox" label={t.tag} count={tags ? t.count : undefined} checked={selected.includes(t.tag)} onChange={(on) => toggle(t.tag, on)} />
              </li>
            ))}
          </ul>
          {rows.length > shown.length || all ? (
            <Button variant="ghost" size="sm" className="mt-1" aria-expanded={all} onClick={() => setAll((a) => !a)}>
              {all ? 'Show fewer tags' : `Show all ${rows.length} tags`}
            </Button>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
