import { useState } from 'react';
import { cx, focusRing } from '@nexus/ui';
import { primaryFirst, type ProductImage } from '../lib/images';

/**
 * The product's images: the primary one first and large (eager, it is the
 * page's main content), the others as thumbnail buttons named
 * "Show image N of M" with aria-pressed on the one shown.
 */
export function Gallery({ images, name }: { images: ReadonlyArray<ProductImage>; name: string }) {
  const ordered = primaryFirst(images);
  const [index, setIndex] = useState(0);
  const current = ordered[Math.min(index, ordered.length - 1)];
  if (!current) {
    return (
      <div role="img" aria-label={`No image of ${name}`} className="flex aspect-square items-center justify-center rounded-xl bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
        No image
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="aspect-square overflow-hidden rounded-xl bg-zinc-100 dark:bg-zinc-800">
        <img src={current.url} alt={current.alt || name} width={800} height={800} decoding="async" fetchPriority="high" className="h-full w-full object-cover" />
      </div>
      {ordered.length > 1 ? (
        <ul className="flex gap-2" aria-label="Product images">
          {ordered.map((img, i) => (
            <li key={img.url}>
              <button
                type="button"
                aria-label={`Show image ${i + 1} of ${ordered.length}`}
                aria-pressed={i === index}
                onClick={() => setIndex(i)}
                className={cx('block h-16 w-16 overflow-hidden rounded-lg border-2', i === index ? 'border-indigo-600 dark:border-indigo-400' : 'border-transparent', focusRing)}
              >
                <img src={img.url} alt="" width={64} height={64} loading="lazy" decoding="async" className="h-full w-full object-cover" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
