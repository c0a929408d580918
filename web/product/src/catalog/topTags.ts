/** How many tag choices the sidebar offers at most (selected tags always show, on top of these). */
export const MAX_TAGS = 12;

/** The selected tags first, then the most frequent others (ties by name), so the list is stable while results refresh. */
export function topTags(tagLists: ReadonlyArray<ReadonlyArray<string>>, selected: ReadonlyArray<string>, limit = MAX_TAGS): string[] {
  const counts = new Map<string, number>();
  for (const list of tagLists) for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
  const others = [...counts.entries()]
    .filter(([t]) => !selected.includes(t))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([t]) => t);
  return [...selected, ...others];
}
