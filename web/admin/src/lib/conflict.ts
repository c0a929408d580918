/** The message of a refused edit whose version is outdated: what happened and what to do. */
export const STALE_MESSAGE = 'This product was changed by someone else since you opened it — reload to see their changes, then edit again.';

type WithErrors = { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | undefined;

/** True when a failed mutation was refused with CONFLICT and names no field (a stale version, a rule of the record). */
export function isConflict(error: unknown): boolean {
  return ((error as WithErrors)?.errors ?? []).some((x) => x.extensions?.code === 'CONFLICT' && !x.extensions?.field);
}
