import { useEffect, useRef, useState } from 'react';

/** How long the "Updated" notice stays after a live change. */
export const NOTICE_MS = 5000;

/**
 * True for a few seconds after `value` changes (never for the first value):
 * a live update (price or stock changed elsewhere) is pointed out instead of
 * silently swapping a number under the shopper's eyes.
 */
export function useChangeNotice(value: string): boolean {
  const first = useRef(value);
  const [changedAt, setChangedAt] = useState<string | null>(null);
  useEffect(() => {
    if (value === first.current) return undefined;
    first.current = value;
    setChangedAt(value);
    const t = setTimeout(() => setChangedAt(null), NOTICE_MS);
    return () => clearTimeout(t);
  }, [value]);
  return changedAt !== null;
}
