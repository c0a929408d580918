import { formatMoney, toMinor } from '../lib/money';
import { EMPTY_STATE, toggleOption, withFilters, type CatalogState } from './filterState';

/** One active-filter chip: its visible label and the state without it. */
export interface ActiveFilter {
  key: string;
  label: string;
  without: CatalogState;
}

const usd = (major: number) => formatMoney({ amount: toMinor(major, 'USD'), currency: 'USD' }, 'en-US');

/** The chips for a state, in sidebar order; `categoryName` turns the URL's slug into the name shoppers saw. */
export function activeFilters(s: CatalogState, categoryName: (slug: string) => string): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  if (s.q.trim() !== '') out.push({ key: 'q', label: `Search: ${s.q.trim()}`, without: withFilters(s, { q: '' }) });
  if (s.category !== null) out.push({ key: 'category', label: `Category: ${categoryName(s.category)}`, without: withFilters(s, { category: null }) });
  if (s.minPrice !== null) out.push({ key: 'minPrice', label: `Min price: ${usd(s.minPrice)}`, without: withFilters(s, { minPrice: null }) });
  if (s.maxPrice !== null) out.push({ key: 'maxPrice', label: `Max price: ${usd(s.maxPrice)}`, without: withFilters(s, { maxPrice: null }) });
  for (const t of s.tags) out.push({ key: `tag:${t}`, label: `Tag: ${t}`, without: withFilters(s, { tags: s.tags.filter((x) => x !== t) }) });
  for (const o of s.options) {
    for (const v of o.values) out.push({ key: `option:${o.name}:${v}`, label: `${o.name}: ${v}`, without: toggleOption(s, o.name, v, false) });
  }
  if (s.inStock) out.push({ key: 'inStock', label: 'In stock only', without: withFilters(s, { inStock: false }) });
  return out;
}

/** Every filter cleared; the sort is kept unless it was relevance (meaningless without a search). */
export function clearFilters(s: CatalogState): CatalogState {
  return withFilters(EMPTY_STATE, { sort: s.sort });
}
