import type { EventName } from './bus.ts';
import type { Client } from './types.ts';
import type { Events } from './ws.ts';

const CATALOG = 'subscription CatalogEvents($after: String) { catalogEvents(after: $after) { cursor type aggregateId payload } }';
const NAMES: Record<string, EventName> = {
  'product.created': 'product:created',
  'product.updated': 'product:updated',
  'product.stock-changed': 'product:updated',
  'product.deleted': 'product:deleted',
};

/** One catalog event as the bridge selects it. */
interface CatalogEvent {
  catalogEvents: { cursor: string; type: string; aggregateId: string; payload?: string | null };
}

/** The product a review event is about: its payload's `productId` (the aggregate is the review). */
const reviewedProduct = (payload: string | null | undefined): string | undefined => {
  try {
    const id = (JSON.parse(payload ?? '') as { productId?: unknown } | null)?.productId;
    return typeof id == 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Turns the server's catalog events into bus events (source 'server', with
 * the cursor), so server changes invalidate the cache like local ones;
 * category events invalidate the Category they name. A review event
 * (review.created, .updated, .deleted, .hidden, .restored) changes its
 * product's rating, count and review list: it becomes product:updated of
 * the product its payload names, so an open product page and the catalog
 * cards follow. Returns unsubscribe.
 */
export function bridgeCatalogEvents(client: Client, events: Events): () => void {
  return events.subscribe<CatalogEvent, { after?: string }>(
    CATALOG,
    undefined,
    {
      next({ catalogEvents: e }) {
        const meta = { source: 'server', cursor: e.cursor } as const;
        const name = NAMES[e.type];
        if (name) client.bus.emit(name as 'product:created', { productId: e.aggregateId }, meta);
        else if (e.type.startsWith('category.')) client.invalidate('Category', e.aggregateId);
        else if (e.type.startsWith('review.')) {
          const productId = reviewedProduct(e.payload);
          if (productId) client.bus.emit('product:updated', { productId }, meta);
        }
      },
    },
    { resume: { argument: 'after', cursor: (d) => d.catalogEvents?.cursor } },
  );
}
