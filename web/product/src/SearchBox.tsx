import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ensureStyles } from './lib/styles';
import { SearchBox } from './search/SearchBox';
import { suggestionPath } from './search/suggestions';

ensureStyles();

/**
 * The header search box the shell shows on every page (exposed as
 * './SearchBox', props {}): Enter searches the catalog (`/products?q=…`,
 * other filters reset), choosing a suggestion opens that product (or the
 * catalog filtered by that category).
 */
export default function HeaderSearchBox() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const value = pathname.replace(/\/+$/, '') === '/products' ? (params.get('q') ?? '') : '';
  return (
    <SearchBox
      label="Search products"
      value={value}
      onSubmit={(q) => navigate(q === '' ? '/products' : `/products?${new URLSearchParams({ q }).toString()}`)}
      onPick={(target) => navigate(suggestionPath(target))}
      className="w-full max-w-md"
    />
  );
}
