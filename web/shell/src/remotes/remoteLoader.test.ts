import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime = vi.hoisted(() => ({
  registerRemotes: vi.fn(),
  loadRemote: vi.fn(),
}));
vi.mock('@module-federation/runtime', () => runtime);

const manifestBody = { current: '{"product": "/mfe/product/remoteEntry.js"}' };
const fetchMock = vi.fn(async () => new Response(manifestBody.current, { status: 200 }));

async function freshLoader() {
  vi.resetModules();
  return import('./remoteLoader.ts');
}

beforeEach(() => {
  runtime.registerRemotes.mockReset();
  runtime.loadRemote.mockReset();
  fetchMock.mockClear();
  manifestBody.current = '{"product": "/mfe/product/remoteEntry.js"}';
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('window', { location: { href: 'https://shop.example/products' } });
});

describe('remoteLoader', () => {
  it('registers the manifest URL once and loads the default export', async () => {
    const { loadRemoteDefault } = await freshLoader();
    runtime.loadRemote.mockResolvedValue({ default: 'App' });
    await expect(loadRemoteDefault('product', 'App')).resolves.toBe('App');
    await expect(loadRemoteDefault('product', 'SearchBox')).resolves.toBe('App');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(runtime.registerRemotes).toHaveBeenCalledTimes(1);
    expect(runtime.registerRemotes).toHaveBeenCalledWith([{ name: 'product', entry: 'https://shop.example/mfe/product/remoteEntry.js', type: 'module' }], { force: false });
    expect(runtime.loadRemote).toHaveBeenLastCalledWith('product/SearchBox');
  });

  it('after a failure, a retry refetches the manifest and re-registers under a cache-busting URL', async () => {
    const { loadRemoteDefault, forgetRemote } = await freshLoader();
    runtime.loadRemote.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'));
    await expect(loadRemoteDefault('product', 'App')).rejects.toThrow(/Failed to fetch/);
    forgetRemote('product');
    runtime.loadRemote.mockResolvedValue({ default: 'App' });
    await expect(loadRemoteDefault('product', 'App')).resolves.toBe('App');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(runtime.registerRemotes).toHaveBeenLastCalledWith(
      [{ name: 'product', entry: 'https://shop.example/mfe/product/remoteEntry.js?retry=1', type: 'module' }],
      { force: true },
    );
  });

  it('a failed manifest fetch is not cached', async () => {
    const { loadRemoteDefault } = await freshLoader();
    fetchMock.mockResolvedValueOnce(new Response('nope', { status: 404 }));
    await expect(loadRemoteDefault('product', 'App')).rejects.toThrow(/HTTP 404/);
    runtime.loadRemote.mockResolvedValue({ default: 'App' });
    await expect(loadRemoteDefault('product', 'App')).resolves.toBe('App');
  });

  it('refuses a remote missing from the manifest or with an unsafe URL, without calling the runtime', async () => {
    const { loadRemoteDefault } = await freshLoader();
    manifestBody.current = '{"product": "javascript:alert(1)"}';
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(loadRemoteDefault('product', 'App')).rejects.toThrow(/not in the manifest/);
    expect(runtime.registerRemotes).not.toHaveBeenCalled();
  });

  it('tells listeners when a remote module loaded', async () => {
    const { loadRemoteDefault, onRemoteReady } = await freshLoader();
    const ready = vi.fn();
    onRemoteReady(ready);
    runtime.loadRemote.mockResolvedValue({ default: 'App' });
    await loadRemoteDefault('product', 'App');
    expect(ready).toHaveBeenCalledWith('product');
  });
});
