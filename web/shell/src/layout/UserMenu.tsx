import { useSession } from '@nexus/client/react';
import { session } from '@nexus/client/session';
import { cx, focusRing, IconButton, toast } from '@nexus/ui';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { accountEntries } from './accountLinks.ts';
import { Icon } from './Icon.tsx';

const item = cx('flex w-full items-center rounded-md px-3 py-2 text-left text-sm text-zinc-800 hover:bg-zinc-100 dark:text-zinc-100 dark:hover:bg-zinc-700', focusRing);

/**
 * The account menu (menu button pattern: arrow keys, Home/End, Escape returns focus): signed out, "Sign in" (back to
 * this page afterwards) and "Create account"; signed in, who is signed in, the account pages, "Users", "Products" and "Reviews" for admins
 * and "Sign out" (which signs out every tab).
 */
export function UserMenu() {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const { user } = useSession();
  const { pathname, search } = useLocation();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    const go = (n: number) => list[(n + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  const signOut = async () => {
    close(true);
    // leave a protected page first, so its guard does not send the shopper to sign in again
    if (/^\/(account|admin)(\/|$)/.test(pathname)) navigate('/products');
    await session.signOut();
    toast.success('You are signed out.', { id: 'signed-out' });
  };

  return (
    <div className="relative">
      <IconButton
        ref={button}
        // the name says who is signed in (the icon alone would not)
        aria-label={user ? `Account (signed in as ${user.firstName} ${user.lastName})` : 'Account'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Icon name="user" className={cx('h-6 w-6', user && 'text-indigo-600 dark:text-indigo-400')} />
      </IconButton>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Account"
          onKeyDown={onKeyDown}
          className="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-zinc-200 bg-white p-1.5 shadow-lg dark:border-zinc-700 dark:bg-zinc-800"
        >
          {user ? (
            <div className="px-3 pb-2 pt-2">
              <p className="text-sm font-semibold text-zinc-900 dark:text-white">
                {user.firstName} {user.lastName}
              </p>
              <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
            </div>
          ) : (
            <p className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Browsing as a guest</p>
          )}
          <div role="separator" className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" />
          {accountEntries(user, pathname + search).map((e) =>
            'to' in e ? (
              <Link key={e.label} to={e.to} role="menuitem" tabIndex={-1} className={item} onClick={() => close(false)}>
                {e.label}
              </Link>
            ) : (
              <button key={e.label} type="button" role="menuitem" tabIndex={-1} className={item} onClick={() => void signOut()}>
                {e.label}
              </button>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}
