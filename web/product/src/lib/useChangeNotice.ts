import { useEffect, useRef, useState } from 'react';

/** How long the "Updated" notice stays after a live change. */
export const NOTICE_MS = 5000;

/**
 * True for a few seconds after `value` changes (never for the first value):
 * a live update (price or stock changed elsewhere) is pointed out instead of
 * silently swapping a number under the shopper's eyes. A change of `scope`
 * (the shopper picked another variant) starts afresh without a notice: the
 * shopper caused that change and is looking at it.
 */
export function useChangeNotice(value: string, scope = ''): boolean {
  const first = useRef({ value, scope });
  const [changedAt, setChangedAt] = useState<string | null>(null);
  useEffect(() => {
    const seen = first.current;
    if (value === seen.value && scope === seen.scope) return undefined;
    first.current = { value, scope };
    if (scope !== seen.scope) {
      setChangedAt(null);
      return undefined;
    }
    setChangedAt(value);
    const t = setTimeout(() => setChangedAt(null), NOTICE_MS);
    return () => clearTimeout(t);
  }, [value, scope]);
  return changedAt !== null;
}
