import { loadRemote, registerRemotes } from '@module-federation/runtime';
import { MANIFEST_URL, parseManifest, type RemoteManifest } from './manifest.ts';

let manifest: Promise<RemoteManifest> | null = null;
/** remote name → the entry URL it is registered with in the federation runtime. */
const registered = new Map<string, string>();
/** remote name → how many times it had to be reloaded; appended to the entry URL so a retry really refetches. */
const reloads = new Map<string, number>();
const readyListeners = new Set<(name: string) => void>();

/** Fetches and parses the manifest once per page (again after a failure), so every remote is found at run time. */
export function getManifest(): Promise<RemoteManifest> {
  manifest ??= fetch(MANIFEST_URL, { cache: 'no-cache', headers: { accept: 'application/json' } })
    .then(async (res) => {
      if (!res.ok) throw new Error(`The remote manifest answered HTTP ${res.status}`);
      return parseManifest(await res.text(), window.location.href, (m) => console.warn(m));
    })
    .catch((err: unknown) => {
      manifest = null;
      throw err;
    });
  return manifest;
}

function withReload(url: string, n: number): string {
  if (n === 0) return url;
  const u = new URL(url);
  u.searchParams.set('retry', String(n));
  return u.href;
}

async function ensureRegistered(name: string): Promise<void> {
  const entry = (await getManifest()).get(name);
  if (!entry) throw new Error(`The remote "${name}" is not in the manifest`);
  const url = withReload(entry, reloads.get(name) ?? 0);
  if (registered.get(name) === url) return;
  registerRemotes([{ name, entry: url, type: 'module' }], { force: registered.has(name) });
  registered.set(name, url);
}

/**
 * Loads `name/expose` (e.g. product/App) through the Module Federation runtime from the URL the manifest gives,
 * and returns its default export. Rejects when the manifest, the remote entry or the module cannot be loaded.
 */
export async function loadRemoteDefault<T>(name: string, expose: string): Promise<T> {
  await ensureRegistered(name);
  const mod = await loadRemote<{ default?: T }>(`${name}/${expose}`);
  if (!mod || mod.default === undefined) throw new Error(`The remote module ${name}/${expose} has no default export`);
  for (const l of [...readyListeners]) l(name);
  return mod.default;
}

/**
 * Forgets a remote that failed to load: the manifest is fetched again and the remote is re-registered under a
 * cache-busting URL, because browsers keep failed module imports and the runtime caches entries.
 */
export function forgetRemote(name: string): void {
  manifest = null;
  reloads.set(name, (reloads.get(name) ?? 0) + 1);
}

/** Tells a listener when a remote module loaded, so a sibling slot that failed earlier (the search box) can recover. */
export function onRemoteReady(listener: (name: string) => void): () => void {
  readyListeners.add(listener);
  return () => readyListeners.delete(listener);
}
