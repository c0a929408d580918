import { useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorState } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { CatalogCategoriesDocument } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { SearchBox } from '../search/SearchBox';
import { suggestionPath } from '../search/suggestions';
import { ActiveFilters } from './ActiveFilters';
import { clearFilters } from './activeFilters';
import { CatalogResults } from './CatalogResults';
import { FilterSidebar } from './FilterSidebar';
import { hasFilters, toFilter, toSort, withFilters } from './filterState';
import { SortSelect } from './SortSelect';
import { useCatalogPages } from './useCatalogPages';
import { useCatalogState } from './useCatalogState';
import { useLatest } from './useLatest';

/**
 * The catalog (`/products`): search, filter sidebar, sort, active-filter
 * chips and the paged grid, all driven by the URL (see filterState.ts).
 * A category in the URL is a slug, resolved to its id through `categories`;
 * an unknown slug shows the empty state rather than everything.
 */
export default function CatalogPage() {
  const [state, setState] = useCatalogState();
  const navigate = useNavigate();
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const categories = useQuery(CatalogCategoriesDocument, {});
  const list = categories.data?.categories;
  const category = state.category === null ? null : list?.find((c) => c.slug === state.category);
  const unresolved = state.category !== null && list === undefined;
  const unknownCategory = state.category !== null && list !== undefined && category === undefined;
  const categoryId = category?.id ?? null;

  const vars = useMemo(
    () => (unresolved || unknownCategory ? null : { filter: toFilter(state, categoryId), sort: toSort(state) }),
    [state, categoryId, unresolved, unknownCategory],
  );
  const result = useCatalogPages(vars, state.page);
  const facets = useLatest(result.facets);
  const categoryName = (slug: string) => list?.find((c) => c.slug === slug)?.name ?? slug;
  useDocumentTitle(state.q.trim() ? `Search: ${state.q.trim()}` : category ? category.name : 'Products');

  const noResults = unknownCategory ? { ...result, loading: false, pages: [], error: undefined, hasNextPage: false } : result;
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">{category ? category.name : 'Products'}</h1>
        <SearchBox
          label="Search the catalog"
          placeholder="Search in the catalog…"
          value={state.q}
          onSubmit={(q) => setState(withFilters(state, { q }))}
          onPick={(target) => navigate(suggestionPath(target))}
          className="w-full sm:max-w-sm"
        />
      </div>
      <div className="md:grid md:grid-cols-[16rem_1fr] md:gap-6">
        <div className="mb-4 md:mb-0">
          <Button variant="secondary" className="mb-3 w-full md:hidden" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((o) => !o)}>
            Filters
          </Button>
          {categories.error && !list ? (
            <ErrorState title="We couldn't load the filters" message={errorMessage(categories.error)} onRetry={categories.refetch} retryLabel="Reload filters" headingLevel={2} />
          ) : (
            <FilterSidebar id={filtersId} open={filtersOpen} state={state} setState={setState} categories={list} facets={facets} updating={result.facets === undefined && facets !== undefined} failed={result.error !== undefined && facets === undefined} />
          )}
        </div>
        <section aria-labelledby={`${filtersId}-results`} className="min-w-0 space-y-4">
          <h2 id={`${filtersId}-results`} ref={resultsHeading} tabIndex={-1} className="sr-only">
            Results
          </h2>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <ActiveFilters state={state} setState={setState} categoryName={categoryName} onEmptied={() => resultsHeading.current?.focus()} />
            <div className="ml-auto">
              <SortSelect state={state} setState={setState} />
            </div>
          </div>
          <CatalogResults
            result={noResults}
            filtered={hasFilters(state)}
            onClearFilters={() => setState(clearFilters(state))}
            onLoadMore={() => setState({ ...state, page: state.page + 1 }, { replace: true })}
          />
        </section>
      </div>
    </div>
  );
}
