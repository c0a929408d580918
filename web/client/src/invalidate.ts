import { isObj } from './document.ts';

/** An entity in a result: its __typename and id. */
export interface Entity {
  t: string;
  id: string;
}

/**
 * Walks a JSON result and returns the index keys it contains: every
 * `__typename` ("Product") and every `Typename:id` pair ("Product:42"),
 * plus the entities themselves (what a mutation result invalidates).
 */
export function walk(x: unknown, keys = new Set<string>(), ents: Entity[] = []): { keys: Set<string>; ents: Entity[] } {
  if (Array.isArray(x)) for (const v of x) walk(v, keys, ents);
  else if (isObj(x)) {
    const t = x.__typename;
    if (typeof t == 'string') {
      keys.add(t);
      const id = x.id;
      if (typeof id == 'string' || typeof id == 'number') {
        keys.add(t + ':' + id);
        ents.push({ t, id: String(id) });
      }
    }
    for (const k in x) walk(x[k], keys, ents);
  }
  return { keys, ents };
}

/**
 * The index keys to invalidate for an entity: its `Typename:id` when some
 * cached result contains it (`has`), else — a new entity no list shows
 * yet — every result containing its typename.
 */
export const targetFor = (t: string, id: string | undefined, has: (key: string) => boolean): string =>
  id != null && has(t + ':' + id) ? t + ':' + id : t;
