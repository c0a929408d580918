// Nothing is missed across a reconnect: the page's one WebSocket carries
// catalogEvents; when its router goes away and comes back, the client
// subscribes again with `after: <the last cursor it received>`, and the
// event committed while it was disconnected arrives over the socket (not
// only through a refetch) and shows on the open page without reload.
// This file stops and starts a router of its own (src/privateRouter.ts);
// the edits go through the shared router, which stays up.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { WebSocket as PageSocket } from 'playwright-core';
import { adminGraphQL, noBrowser, page } from '../src/harness.ts';
import { apiCategories, money } from '../src/catalog.ts';
import { privateRouter, type PrivateRouter } from '../src/privateRouter.ts';

const tag = randomBytes(3).toString('hex');
let router: PrivateRouter | undefined;
let created: { id: string } | undefined;

beforeAll(async () => {
  if (!noBrowser) router = await privateRouter();
});
afterAll(async () => {
  await router?.stopRouter();
  if (created) await adminGraphQL('mutation($id: ID!) { deleteProduct(id: $id) { id } }', { id: created.id });
});

/** What the page's sockets sent and received, as parsed graphql-transport-ws messages. */
interface Frames {
  sockets: number;
  sent: Record<string, unknown>[];
  received: Record<string, unknown>[];
}

function record(frames: Frames) {
  return (ws: PageSocket) => {
    if (!new URL(ws.url()).pathname.startsWith('/graphql')) return;
    frames.sockets++;
    const parse = (text: string | Buffer) => {
      try {
        return JSON.parse(String(text)) as Record<string, unknown>;
      } catch {
        return { unparsed: String(text) };
      }
    };
    ws.on('framesent', (f) => frames.sent.push(parse(f.payload)));
    ws.on('framereceived', (f) => frames.received.push(parse(f.payload)));
  };
}

/** The catalogEvents deliveries received for aggregate id, with their cursors. */
function eventsFor(frames: Frames, id: string): { cursor: string; type: string }[] {
  const out: { cursor: string; type: string }[] = [];
  for (const m of frames.received) {
    const e = (m.payload as { data?: { catalogEvents?: { cursor: string; type: string; aggregateId: string } } } | undefined)?.data?.catalogEvents;
    if (m.type === 'next' && e && e.aggregateId === id) out.push({ cursor: e.cursor, type: e.type });
  }
  return out;
}

/** The `after` variable of every catalogEvents subscribe the page sent. */
function subscribesAfter(frames: Frames): (string | null)[] {
  return frames.sent
    .filter((m) => m.type === 'subscribe' && String((m.payload as { query?: string }).query).includes('catalogEvents'))
    .map((m) => ((m.payload as { variables?: { after?: string | null } }).variables?.after ?? null));
}

describe.skipIf(noBrowser)('resume across a reconnect', () => {
  test('an event committed while the page was disconnected arrives after the reconnect, resumed from the last cursor', async () => {
    if (!router) throw new Error('no router');
    const categories = await apiCategories();
    const category = categories[categories.length - 1];
    if (!category) throw new Error('no categories');
    const name = `E2E Resume Lamp ${tag}`;
    const slug = `e2e-resume-lamp-${tag}`;
    const base = { name, slug, description: 'A lamp the resume test edits.', categoryId: category.id, sku: `E2E-R-${tag}` };
    const { createProduct } = await adminGraphQL<{ createProduct: { id: string; version: number } }>(
      'mutation($in: CreateProductInput!) { createProduct(input: $in) { id version } }',
      { in: { ...base, price: 10000, stock: 10 } },
    );
    created = { id: createProduct.id };
    const update = (version: number, price: number) =>
      adminGraphQL<{ updateProduct: { version: number } }>('mutation($in: UpdateProductInput!) { updateProduct(input: $in) { version } }', {
        in: { ...base, id: createProduct.id, version, price },
      });

    const frames: Frames = { sockets: 0, sent: [], received: [] };
    const p = await page({ origin: router.origin });
    p.on('websocket', record(frames));
    await p.goto(`/products/${slug}`);
    await p.getByRole('heading', { level: 1, name }).waitFor();
    await expect.poll(() => subscribesAfter(frames).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await p.evaluate(() => ((window as unknown as { e2eMarker: number }).e2eMarker = 1));

    // A first change while connected: delivered live; its cursor is where a resume starts.
    const v2 = (await update(createProduct.version, 11100)).updateProduct.version;
    await expect.poll(() => eventsFor(frames, createProduct.id).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => money(await p.getByRole('main').innerText()), { timeout: 20_000 }).toBe(111);
    const last = eventsFor(frames, createProduct.id)[0]!.cursor;

    // The page's router goes away; the change happens meanwhile (through the shared router).
    await router.stopRouter();
    await update(v2, 22200);
    await router.startRouter();

    // The page reconnects by itself (no click), subscribes from the last cursor it received
    // (or a later one, if other tests' events arrived before the router stopped)...
    await expect.poll(() => frames.sockets, { timeout: 30_000 }).toBeGreaterThan(1).catch((e) => {
      console.log('resume: no new socket; last frames received', JSON.stringify(frames.received.slice(-4)), 'sent', JSON.stringify(frames.sent.slice(-3)));
      throw e;
    });
    await expect.poll(() => subscribesAfter(frames).filter((a) => a !== null).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const resumedFrom = subscribesAfter(frames).filter((a): a is string => a !== null);
    const seq = (c: string) => Number(c.slice(c.indexOf(':') + 1));
    expect(seq(resumedFrom[0]!)).toBeGreaterThanOrEqual(seq(last));
    // ...and the missed event arrives over the socket, once, after the first one.
    await expect.poll(() => eventsFor(frames, createProduct.id).length, { timeout: 30_000 }).toBe(2);
    const [first, missed] = eventsFor(frames, createProduct.id);
    expect(missed!.type).toBe('product.updated');
    expect(seq(missed!.cursor)).toBeGreaterThan(seq(first!.cursor));
    await expect.poll(async () => money(await p.getByRole('main').innerText()), { timeout: 20_000 }).toBe(222);
    expect(await p.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker)).toBe(1);
    await p.context().close();
  });
});
