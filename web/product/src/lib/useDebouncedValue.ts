import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms` (autocomplete waits ~200 ms so typing does not send a query per key). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
