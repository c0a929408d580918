import { useSession } from '@nexus/client/react';
import { session } from '@nexus/client/session';
import { cx, focusRing, IconButton } from '@nexus/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { accountEntries } from './accountLinks.ts';
import type { Theme } from '../theme/theme.ts';
import { Icon } from './Icon.tsx';
import { themeToggleLabel } from './ThemeToggle.tsx';

const link = cx('block rounded-lg px-3 py-2.5 text-base font-medium text-zinc-800 hover:bg-zinc-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-700 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-indigo-500/15 dark:aria-[current=page]:text-indigo-300', focusRing);

/**
 * The navigation below the md breakpoint: a "Menu" button (aria-expanded, aria-controls) opening a panel with the
 * links and the theme switch. Escape closes it and puts focus back on the button; so does navigating.
 */
export function MobileMenu({ theme, onToggleTheme }: { theme: Theme; onToggleTheme: () => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { pathname, search } = useLocation();
  const { user } = useSession();
  const navigate = useNavigate();

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('a,button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="md:hidden">
      <IconButton ref={button} aria-label="Menu" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <Icon name={open ? 'close' : 'menu'} className="h-6 w-6" />
      </IconButton>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-40 border-b border-zinc-200 bg-white px-4 pb-4 pt-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <nav aria-label="Mobile">
          <ul className="space-y-1">
            <li>
              <NavLink to="/products" className={link}>
                Catalog
              </NavLink>
            </li>
            <li>
              <NavLink to="/cart" className={link}>
                Cart
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <button type="button" onClick={onToggleTheme} className={cx(link, 'flex w-full items-center gap-3 text-left')}>
            <Icon name={theme === 'dark' ? 'sun' : 'moon'} className="h-5 w-5" />
            {themeToggleLabel(theme)}
          </button>
          <nav aria-label="Account (mobile)" className="mt-1">
            {user ? <p className="px-3 pb-1 pt-2 text-sm text-zinc-500 dark:text-zinc-400">Signed in as {user.firstName} {user.lastName}</p> : null}
            <ul className="space-y-1">
              {accountEntries(user, pathname + search).map((e) => (
                <li key={e.label}>
                  {'to' in e ? (
                    <NavLink to={e.to} end className={link}>
                      {e.label}
                    </NavLink>
                  ) : (
                    <button
                      type="button"
                      className={cx(link, 'w-full text-left')}
                      onClick={() => {
                        if (/^\/(account|admin)(\/|$)/.test(pathname)) navigate('/products');
                        void session.signOut();
                      }}
                    >
                      {e.label}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
