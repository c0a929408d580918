// Finds Debian's Chromium. With NEXUS_REQUIRE_BROWSER=1 (make test) a
// missing browser fails the run; otherwise the browser tests skip.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The Chromium executable (CHROMIUM, else chromium on PATH), or '' when absent and not required. */
export function findChromium(): string {
  const candidates = process.env.CHROMIUM
    ? [process.env.CHROMIUM]
    : (process.env.PATH ?? '').split(delimiter).flatMap((d) => [join(d, 'chromium'), join(d, 'chromium-browser')]);
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // next
    }
  }
  if (process.env.NEXUS_REQUIRE_BROWSER === '1') {
    throw new Error('chromium is not installed (NEXUS_REQUIRE_BROWSER=1): run `make browser`');
  }
  return '';
}
