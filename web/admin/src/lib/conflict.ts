/** The message of a refused edit whose version is outdated: what happened and what to do. */
export const STALE_MESSAGE = 'This product was changed by someone else since you opened it — reload to see their changes, then edit again.';

type WithErrors = { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | undefined;

const codes = (error: unknown) => ((error as WithErrors)?.errors ?? []).map((x) => ({ code: x.extensions?.code, field: x.extensions?.field }));

/**
 * True when a failed mutation was refused because the edit was based on an outdated version: CONFLICT on
 * `input.version` (the product subgraph names it), or a CONFLICT naming no field (a concurrent write collided).
 */
export function isStale(error: unknown): boolean {
  return codes(error).some((x) => x.code === 'CONFLICT' && (typeof x.field !== 'string' || x.field === '' || x.field.endsWith('version')));
}

/** True when a failed mutation was refused with CONFLICT for a rule of the record (stock left on a variant to delete). */
export function isConflict(error: unknown): boolean {
  return codes(error).some((x) => x.code === 'CONFLICT');
}
