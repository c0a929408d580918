/** A category as the catalog query returns it (parent by id only). */
export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  parent: { id: string } | null;
}

/** A category with its depth in the tree, for an indented list. */
export interface CategoryRow extends CategoryNode {
  depth: number;
}

/**
 * Depth of every category, keeping the server's order (each category
 * directly followed by its descendants), so the flat list reads as a tree.
 */
export function categoryRows(categories: ReadonlyArray<CategoryNode>): CategoryRow[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const depth = (c: CategoryNode): number => {
    let d = 0;
    let p = c.parent ? byId.get(c.parent.id) : undefined;
    while (p && d < 16) {
      d++;
      p = p.parent ? byId.get(p.parent.id) : undefined;
    }
    return d;
  };
  return categories.map((c) => ({ ...c, depth: depth(c) }));
}
