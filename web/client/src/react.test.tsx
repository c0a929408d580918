// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientProvider, useBus, useInflight, useMutation, useQuery, useSubscription } from './react.ts';
import { NexusError } from './error.ts';
import type { Events, Sink } from './ws.ts';
import { json, setup } from './test/fakes.ts';
import type { Client } from './types.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const Q = 'query P($id: ID!) { product(id: $id) { __typename id name } }';
const M = 'mutation R($id: ID!, $name: String!) { renameProduct(id: $id, name: $name) { __typename id name } }';
type P = { product: { __typename: 'Product'; id: string; name: string } };

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

const render = async (client: Client, el: React.ReactNode) => {
  const div = document.createElement('div');
  root = createRoot(div);
  await act(async () => root!.render(<ClientProvider client={client}>{el}</ClientProvider>));
  return div;
};
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

const server = () => {
  const names = new Map<string, string>([['1', 'Mug']]);
  return setup((r) => {
    const v = r.body?.variables as { id: string; name?: string };
    if (String(r.body?.query).startsWith('mutation')) names.set(v.id, v.name!);
    const p = { __typename: 'Product', id: v.id, name: names.get(v.id) ?? '?' };
    return json({ data: String(r.body?.query).startsWith('mutation') ? { renameProduct: p } : { product: p } });
  });
};

function Name(props: { id: string; label: string }) {
  const { data, loading, error } = useQuery<P, { id: string }>(Q, { id: props.id });
  return <p aria-label={props.label}>{loading ? 'loading' : error ? 'error' : data?.product.name}</p>;
}

function Rename() {
  const [rename, { loading, data }] = useMutation<{ renameProduct: { name: string } }, { id: string; name: string }>(M);
  return (
    <button onClick={() => void rename({ id: '1', name: 'Cup' })}>
      {loading ? 'saving' : (data?.renameProduct.name ?? 'rename')}
    </button>
  );
}

describe('react bindings', () => {
  it('property 1 (React): every component watching a product re-renders after a mutation made by another one', async () => {
    const { client, seen } = server();
    const div = await render(
      client,
      <>
        <Name id="1" label="header" />
        <Name id="1" label="detail" />
        <Rename />
      </>,
    );
    await settle();
    expect(div.querySelector('[aria-label=header]')!.textContent).toBe('Mug');
    expect(seen.length).toBe(1);
    await act(async () => div.querySelector('button')!.click());
    await settle();
    expect(div.querySelector('button')!.textContent).toBe('Cup');
    expect(div.querySelector('[aria-label=header]')!.textContent).toBe('Cup');
    expect(div.querySelector('[aria-label=detail]')!.textContent).toBe('Cup');
  });

  it('renders cached data on the first render, re-subscribes only when variables change by value, and honours enabled', async () => {
    const { client, seen } = server();
    await client.query(Q, { id: '1' });
    let setId!: (v: { id: string; on: boolean }) => void;
    const renders: string[] = [];
    function View() {
      const [v, set] = useState({ id: '1', on: true });
      setId = set;
      const s = useQuery<P, { id: string }>(Q, { id: v.id }, { enabled: v.on });
      renders.push(s.loading ? 'loading' : (s.data?.product.name ?? 'idle'));
      return null;
    }
    await render(client, <View />);
    expect(renders[0]).toBe('Mug');
    await act(async () => setId({ id: '1', on: true })); // same value, new object
    expect(seen.length).toBe(1);
    await act(async () => setId({ id: '2', on: true }));
    await settle();
    expect(seen.length).toBe(2);
    expect(renders.at(-1)).toBe('?');
    await act(async () => setId({ id: '3', on: false }));
    await settle();
    expect(seen.length).toBe(2);
    expect(renders.at(-1)).toBe('idle');
  });

  it('useBus hears events and useInflight counts pending operations', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client } = setup(async () => (await gate, json({ data: { x: 1 } })));
    const heard: string[] = [];
    let count = -1;
    function Probe() {
      useBus('theme:changed', (d) => heard.push(d.theme));
      count = useInflight();
      return null;
    }
    await render(client, <Probe />);
    expect(count).toBe(0);
    let p!: Promise<unknown>;
    await act(async () => void (p = client.query('query { x }')));
    expect(count).toBe(1);
    release();
    await act(async () => void (await p));
    expect(count).toBe(0);
    act(() => client.bus.emit('theme:changed', { theme: 'dark' }));
    expect(heard).toEqual(['dark']);
  });

  it('useSubscription subscribes while mounted, follows the latest onData, reports errors and unsubscribes', async () => {
    const { client } = setup(() => json({ data: {} }));
    const sinks: Sink<{ n: number }>[] = [];
    let live = 0;
    const events = {
      subscribe: (_d: unknown, _v: unknown, sink: Sink<{ n: number }>) => {
        sinks.push(sink);
        live++;
        return () => void live--;
      },
    } as unknown as Events;
    const got: string[] = [];
    let setTag!: (t: string) => void;
    let err: NexusError | undefined;
    function Live() {
      const [tag, set] = useState('a');
      setTag = set;
      err = useSubscription<{ n: number }, undefined>(events, 'subscription { n }', undefined, (d) => got.push(tag + d.n)).error;
      return null;
    }
    await render(client, <Live />);
    expect(live).toBe(1);
    act(() => sinks[0]!.next({ n: 1 }));
    await act(async () => setTag('b'));
    act(() => sinks[0]!.next({ n: 2 }));
    expect(got).toEqual(['a1', 'b2']);
    expect(sinks.length).toBe(1); // a new handler does not re-subscribe
    act(() => sinks[0]!.error!(new NexusError('network', 'down')));
    expect(err?.message).toBe('down');
    act(() => root!.unmount());
    root = undefined;
    expect(live).toBe(0);
  });

  it('useMutation exposes the NexusError (with field) and rejects', async () => {
    const { client } = setup(() => json({ data: null, errors: [{ message: 'too long', extensions: { code: 'INVALID', field: 'name' } }] }));
    let run!: (v: { id: string; name: string }) => Promise<unknown>;
    let state: { loading: boolean; error?: NexusError } = { loading: false };
    function Form() {
      const [m, s] = useMutation<unknown, { id: string; name: string }>(M);
      run = m;
      state = s;
      return null;
    }
    await render(client, <Form />);
    let rejected: unknown;
    await act(async () => void (await run({ id: '1', name: 'x'.repeat(300) }).catch((e: unknown) => (rejected = e))));
    expect(rejected).toBeInstanceOf(NexusError);
    expect(state).toMatchObject({ loading: false, error: { code: 'INVALID', field: 'name' } });
  });
});
