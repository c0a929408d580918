// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FallbackProps } from './ErrorBoundary.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const runtime = vi.hoisted(() => ({ registerRemotes: vi.fn(), loadRemote: vi.fn() }));
vi.mock('@module-federation/runtime', () => runtime);

let root: Root;
let host: HTMLElement;

function Fallback({ reset }: FallbackProps) {
  return (
    <div>
      <h2>The catalog could not be loaded</h2>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}

async function render(ui: React.ReactNode) {
  await act(async () => root.render(ui));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}
const text = () => host.textContent ?? '';
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);

beforeEach(() => {
  vi.resetModules();
  runtime.registerRemotes.mockReset();
  runtime.loadRemote.mockReset();
  vi.stubGlobal('fetch', vi.fn(async () => new Response('{"product": "/mfe/product/remoteEntry.js"}')));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

describe('RemoteSlot (seed property 27: a failing remote shows its fallback, the rest keeps working)', () => {
  it('shows the fallback when the remote cannot be loaded, and Try again reloads it under a fresh URL', async () => {
    const { RemoteSlot } = await import('./RemoteSlot.tsx');
    runtime.loadRemote.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'));
    await render(
      <main>
        <p>Header</p>
        <RemoteSlot remote="product" expose="App" loading={<p>Loading…</p>} fallback={Fallback} />
      </main>,
    );
    expect(text()).toContain('The catalog could not be loaded');
    expect(text()).toContain('Header');
    expect(console.error).toHaveBeenCalled();
    expect(host.querySelector('.mfe-product')).not.toBeNull();

    runtime.loadRemote.mockResolvedValue({ default: () => <p>Remote catalog</p> });
    await act(async () => button('Try again')?.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(text()).toContain('Remote catalog');
    expect(runtime.registerRemotes).toHaveBeenLastCalledWith([expect.objectContaining({ entry: expect.stringMatching(/remoteEntry\.js\?retry=1$/) })], { force: true });
  });

  it('catches a remote that throws while rendering; Try again renders it again without reloading', async () => {
    const { RemoteSlot } = await import('./RemoteSlot.tsx');
    let fail = true;
    const Flaky = () => {
      if (fail) throw new Error('boom');
      return <p>Recovered</p>;
    };
    runtime.loadRemote.mockResolvedValue({ default: Flaky });
    await render(<RemoteSlot remote="product" expose="App" loading={null} fallback={Fallback} />);
    expect(text()).toContain('The catalog could not be loaded');
    fail = false;
    await act(async () => button('Try again')?.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(text()).toContain('Recovered');
    expect(runtime.registerRemotes).toHaveBeenCalledTimes(1);
  });

  it('a slot that failed recovers by itself when another slot loads the remote', async () => {
    const { RemoteSlot } = await import('./RemoteSlot.tsx');
    const Plain = () => <p>plain search</p>;
    runtime.loadRemote.mockRejectedValue(new Error('offline'));
    await render(
      <>
        <RemoteSlot remote="product" expose="SearchBox" loading={null} fallback={Plain} recoverWhenReady />
        <RemoteSlot remote="product" expose="App" loading={null} fallback={Fallback} />
      </>,
    );
    expect(text()).toContain('plain search');
    runtime.loadRemote.mockImplementation(async (id: string) => ({ default: () => <p>{id}</p> }));
    await act(async () => button('Try again')?.click());
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(text()).toContain('product/App');
    expect(text()).toContain('product/SearchBox');
    expect(text()).not.toContain('plain search');
  });
});
