import { cx, focusRing } from '@nexus/ui';
import { Link } from 'react-router';

const link = cx('rounded text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white', focusRing);

/** The site footer: a few useful links and the copyright line. */
export function Footer() {
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:grid-cols-3 sm:px-6 lg:px-8">
        <div>
          <p className="text-base font-bold text-zinc-900 dark:text-white">Nexus</p>
          <p className="mt-2 max-w-xs text-sm text-zinc-600 dark:text-zinc-400">An open-source e-commerce platform on a GraphQL federation supergraph.</p>
        </div>
        <nav aria-label="Shop">
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-white">Shop</h2>
          <ul className="mt-3 space-y-2">
            <li>
              <Link to="/products" className={link}>
                All products
              </Link>
            </li>
          </ul>
        </nav>
        <nav aria-label="Developers">
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-white">Developers</h2>
          <ul className="mt-3 space-y-2">
            <li>
              <a href="/graphql" className={link}>
                GraphQL API explorer
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-zinc-200 dark:border-zinc-800">
        <p className="mx-auto max-w-7xl px-4 py-4 text-xs text-zinc-500 sm:px-6 lg:px-8 dark:text-zinc-400">© {new Date().getFullYear()} Nexus. Open source.</p>
      </div>
    </footer>
  );
}
