import { cx, focusRing } from '@nexus/ui';
import { Link, NavLink } from 'react-router';
import type { Theme } from '../theme/theme.ts';
import { CartLink } from './CartLink.tsx';
import { Icon } from './Icon.tsx';
import { MobileMenu } from './MobileMenu.tsx';
import { SearchSlot } from './SearchSlot.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { UserMenu } from './UserMenu.tsx';

const navLink = cx('rounded-md px-2 py-1 text-sm font-medium text-zinc-600 hover:text-zinc-900 aria-[current=page]:text-indigo-600 dark:text-zinc-300 dark:hover:text-white dark:aria-[current=page]:text-indigo-400', focusRing);

/**
 * The site header: logo, primary navigation, the product remote's search box, theme toggle, cart and account.
 * Below md the navigation folds into the mobile menu and the search box gets its own row.
 */
export function Header({ theme, onToggleTheme }: { theme: Theme; onToggleTheme: () => void }) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75 dark:border-zinc-800 dark:bg-zinc-900/90 dark:supports-[backdrop-filter]:bg-zinc-900/75">
      <div className="relative mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2.5 sm:px-6 lg:px-8">
        <MobileMenu theme={theme} onToggleTheme={onToggleTheme} />
        <Link to="/" className={cx('flex items-center gap-2 rounded-md text-lg font-bold tracking-tight text-zinc-900 dark:text-white', focusRing)}>
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 text-white" aria-hidden="true">
            <Icon name="logo" className="h-5 w-5" />
          </span>
          Nexus
        </Link>
        <nav aria-label="Main" className="ml-4 hidden md:block">
          <NavLink to="/products" className={navLink}>
            Catalog
          </NavLink>
        </nav>
        <div className="order-last w-full md:order-none md:mx-6 md:flex md:w-auto md:flex-1 md:justify-center">
          <div className="w-full md:max-w-xl">
            <SearchSlot />
          </div>
        </div>
        <div className="ml-auto flex items-center gap-1 md:ml-0">
          <div className="hidden md:block">
            <ThemeToggle theme={theme} onToggle={onToggleTheme} />
          </div>
          <CartLink />
          <div className="hidden md:block">
            <UserMenu />
          </div>
        </div>
      </div>
    </header>
  );
}
