import { cx } from './cx.ts';

/** Props of {@link Skeleton}: size and shape come from className (h-4 w-32, aspect-square, rounded-full…). */
export interface SkeletonProps {
  className?: string;
}

/** A placeholder block shown while content loads; hidden from assistive technology (the region announces busy instead). */
export function Skeleton({ className }: SkeletonProps) {
  return <div aria-hidden="true" className={cx('animate-pulse rounded-md bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800', className)} />;
}
