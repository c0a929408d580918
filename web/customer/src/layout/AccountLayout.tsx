import { NavLink, Outlet } from 'react-router';
import { cx, focusRing } from '@nexus/ui';

/** The account pages of the sub-navigation, in order. */
export const ACCOUNT_PAGES = [
  { to: '/account', label: 'Profile', end: true },
  { to: '/account/addresses', label: 'Addresses', end: false },
  { to: '/account/payment-methods', label: 'Payment methods', end: false },
  { to: '/account/wishlist', label: 'Wishlist', end: false },
] as const;

/** Every account page: the sub-navigation ("Account", the current page marked aria-current) beside the page. */
export function AccountLayout() {
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row md:gap-10 lg:px-8">
      <nav aria-label="Account" className="md:w-52 md:shrink-0">
        <ul className="flex gap-1 overflow-x-auto md:flex-col">
          {ACCOUNT_PAGES.map((p) => (
            <li key={p.to}>
              <NavLink
                to={p.to}
                end={p.end}
                className={({ isActive }) =>
                  cx(
                    'block whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium',
                    isActive
                      ? 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-200'
                      : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
                    focusRing,
                  )
                }
              >
                {p.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
