import type { ComponentPropsWithoutRef } from 'react';

/** Text for screen readers only (labels, "was" prices, live status), hidden visually but not from assistive technology. */
export function VisuallyHidden(props: ComponentPropsWithoutRef<'span'>) {
  return <span {...props} className="sr-only" />;
}
