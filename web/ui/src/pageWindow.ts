/** A page number or a gap ("…") in a pagination bar. */
export type PageItem = number | 'gap';

/** The page numbers to show around the current page (first, last, current ±1, gaps between), so a bar stays short with 500 pages. */
export function pageWindow(page: number, pageCount: number): PageItem[] {
  if (pageCount <= 7) return Array.from({ length: pageCount }, (_, i) => i + 1);
  const set = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...set].sort((a, b) => a - b);
  const out: PageItem[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push(p - prev === 2 ? p - 1 : 'gap');
    out.push(p);
  });
  return out;
}
