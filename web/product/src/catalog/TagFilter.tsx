import { Checkbox } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { CatalogTagsDocument, type ProductFilter } from '../gql/graphql';
import { topTags } from './topTags';

/** Props of {@link TagFilter}. */
export interface TagFilterProps {
  /** The current filter without its tags: the facet lists what would narrow these results. */
  filter: ProductFilter;
  enabled: boolean;
  selected: ReadonlyArray<string>;
  onChange(tags: string[]): void;
}

/**
 * Tag checkboxes. The schema has no tag list, so the choices are the most
 * common tags among the first 100 products matching the other filters, plus
 * any already selected; a product must carry every checked tag.
 */
export function TagFilter({ filter, enabled, selected, onChange }: TagFilterProps) {
  const { data } = useQuery(CatalogTagsDocument, { filter }, { enabled });
  const tags = topTags(data?.products.edges.map((e) => e.node.tags) ?? [], selected);
  const toggle = (tag: string, on: boolean) => onChange(on ? [...selected, tag] : selected.filter((t) => t !== tag));
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Tags</legend>
      {tags.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{data ? 'No tags for these results.' : 'Loading tags…'}</p>
      ) : (
        <ul className="space-y-1">
          {tags.map((tag) => (
            <li key={tag}>
              <Checkbox label={tag} checked={selected.includes(tag)} onChange={(e) => toggle(tag, e.currentTarget.checked)} />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
