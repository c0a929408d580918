import { useState } from 'react';

/**
 * The value, or while it is undefined the last defined one: the filter
 * sidebar keeps the previous counts on screen while the next ones load,
 * instead of collapsing and jumping under the shopper's pointer.
 */
export function useLatest<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
