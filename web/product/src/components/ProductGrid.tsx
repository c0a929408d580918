import type { ReactNode } from 'react';

/** The responsive grid products are shown in (catalog, related products), as a list so screen readers announce the count. */
export function ProductGrid({ children, label, busy }: { children: ReactNode; label?: string; busy?: boolean }) {
  return (
    <ul aria-label={label} aria-busy={busy || undefined} className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3 xl:grid-cols-4">
      {children}
    </ul>
  );
}
