import { Link } from 'react-router';
import { focusRing } from '@nexus/ui';

/** A category in the breadcrumb. */
export interface Crumb {
  name: string;
  slug: string;
}

/** A category with up to three ancestors, as ProductDetail selects it. */
interface CategoryChain extends Crumb {
  parent?: CategoryChain | null;
}

/** Root-first list of a category and its ancestors. */
export function categoryTrail(category: CategoryChain): Crumb[] {
  const trail: Crumb[] = [];
  for (let c: CategoryChain | null | undefined = category; c; c = c.parent) trail.unshift({ name: c.name, slug: c.slug });
  return trail;
}

/** "Products › Category › … › Product" with each category linking to the catalog filtered by it. */
export function Breadcrumbs({ trail, current }: { trail: ReadonlyArray<Crumb>; current: string }) {
  const link = `rounded hover:text-zinc-900 hover:underline dark:hover:text-zinc-100 ${focusRing}`;
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          <Link to="/products" className={link}>
            Products
          </Link>
        </li>
        {trail.map((c) => (
          <li key={c.slug} className="flex items-center gap-1">
            <span aria-hidden="true">›</span>
            <Link to={`/products?${new URLSearchParams({ category: c.slug }).toString()}`} className={link}>
              {c.name}
            </Link>
          </li>
        ))}
        <li className="flex min-w-0 items-center gap-1">
          <span aria-hidden="true">›</span>
          <span aria-current="page" className="truncate text-zinc-900 dark:text-zinc-100">
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}
