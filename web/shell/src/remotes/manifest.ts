/** Where remotes live: remote name → absolute URL of its remoteEntry.js. */
export type RemoteManifest = ReadonlyMap<string, string>;

/** The manifest's path; the build (or an operator redeploying one remote) writes it. */
export const MANIFEST_URL = '/mfe/manifest.json';

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Resolves one manifest URL against the page, or null when it must be refused: only http(s) URLs are loaded
 * (same-origin paths resolve to the page's own scheme), never javascript:, data:, blob: or anything else.
 */
export function safeRemoteUrl(value: unknown, pageUrl: string): string | null {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value.trim(), pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.href;
}

/**
 * Parses /mfe/manifest.json ({"product": "/mfe/product/remoteEntry.js"}). The file is data from the server, so it is
 * treated as hostile: not JSON or not an object → an error; entries with odd names or unsafe URLs are skipped and logged.
 */
export function parseManifest(text: string, pageUrl: string, warn: (msg: string) => void = () => {}): RemoteManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('The remote manifest is not valid JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('The remote manifest is not a JSON object');
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    if (!NAME.test(name)) {
      warn(`remote manifest: ignoring invalid remote name ${JSON.stringify(name.slice(0, 80))}`);
      continue;
    }
    const url = safeRemoteUrl(value, pageUrl);
    if (url === null) {
      warn(`remote manifest: refusing the URL of remote "${name}" (only http(s) URLs are loaded)`);
      continue;
    }
    out.set(name, url);
  }
  return out;
}
