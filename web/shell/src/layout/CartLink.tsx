import { useBus } from '@nexus/client/react';
import { cx, focusRing } from '@nexus/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { Icon } from './Icon.tsx';

/** "Cart, 3 items": the cart control's accessible name, which carries the count the badge shows. */
export function cartLabel(count: number): string {
  return `Cart, ${count} ${count === 1 ? 'item' : 'items'}`;
}

/**
 * The header cart icon with its count badge, kept up to date from the bus ('cart:updated' from the cart domain,
 * in this tab or another). It is a link to /cart.
 */
export function CartLink() {
  const [count, setCount] = useState(0);
  useBus('cart:updated', ({ itemCount }) => {
    if (Number.isFinite(itemCount) && itemCount >= 0) setCount(Math.floor(itemCount));
  });
  return (
    <Link
      to="/cart"
      aria-label={cartLabel(count)}
      className={cx('relative inline-flex h-10 w-10 items-center justify-center rounded-lg text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800', focusRing)}
    >
      <Icon name="cart" className="h-6 w-6" />
      {count > 0 ? (
        <span aria-hidden="true" className="absolute -right-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1 text-[11px] font-semibold text-white ring-2 ring-white dark:ring-zinc-900">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
