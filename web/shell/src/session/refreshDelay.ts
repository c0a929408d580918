/** How long before expiry the session refreshes its access token. */
export const REFRESH_LEAD_MS = 60_000;
/** The shortest wait between two scheduled refreshes (a clock far off, a very short TTL). */
export const MIN_REFRESH_DELAY_MS = 1_000;

/**
 * When to refresh an access token that expires at `expiresAt` (ms), seen at `now`: REFRESH_LEAD_MS before
 * expiry; for a token with less than twice that left (a short TTL in tests, a slow clock), halfway to expiry;
 * never sooner than MIN_REFRESH_DELAY_MS.
 */
export function refreshDelay(expiresAt: number, now: number, lead = REFRESH_LEAD_MS): number {
  const left = expiresAt - now;
  const d = left > 2 * lead ? left - lead : left / 2;
  return Math.max(MIN_REFRESH_DELAY_MS, Math.floor(d));
}
