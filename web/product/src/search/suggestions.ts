import type { SearchSuggestionsQuery } from '../gql/graphql';
import type { Money } from '../lib/money';

/** Where a suggestion leads: a product page, or the catalog filtered by a category. */
export interface SuggestionTarget {
  kind: 'product' | 'category';
  slug: string;
}

/** One option of the suggestion list. */
export interface Suggestion extends SuggestionTarget {
  id: string;
  name: string;
  /** Products only. */
  price?: Money;
}

/** The URL a suggestion opens (the product page, or the catalog filtered by the category). */
export function suggestionPath(t: SuggestionTarget): string {
  return t.kind === 'product' ? `/products/${encodeURIComponent(t.slug)}` : `/products?${new URLSearchParams({ category: t.slug }).toString()}`;
}

/** The server's answer as one list in display order (products, then categories), which the keyboard walks through. */
export function flattenSuggestions(data: SearchSuggestionsQuery['searchSuggestions'] | undefined): Suggestion[] {
  if (!data) return [];
  return [
    ...data.products.map((p): Suggestion => ({ kind: 'product', id: p.id, slug: p.slug, name: p.name, price: p.price })),
    ...data.categories.map((c): Suggestion => ({ kind: 'category', id: c.id, slug: c.slug, name: c.name })),
  ];
}
