import type { EventName } from './bus.ts';
import type { Client } from './types.ts';
import type { Events } from './ws.ts';

const CATALOG = 'subscription CatalogEvents($after: String) { catalogEvents(after: $after) { cursor type aggregateId } }';
const NAMES: Record<string, EventName> = {
  'product.created': 'product:created',
  'product.updated': 'product:updated',
  'product.stock-changed': 'product:updated',
  'product.deleted': 'product:deleted',
};

/** One catalog event as the bridge selects it. */
interface CatalogEvent {
  catalogEvents: { cursor: string; type: string; aggregateId: string };
}

/**
 * Turns the server's catalog events into bus events (source 'server', with
 * the cursor), so server changes invalidate the cache like local ones;
 * category events invalidate the Category they name. Returns unsubscribe.
 */
export function bridgeCatalogEvents(client: Client, events: Events): () => void {
  return events.subscribe<CatalogEvent, { after?: string }>(
    CATALOG,
    undefined,
    {
      next({ catalogEvents: e }) {
        const name = NAMES[e.type];
        if (name) client.bus.emit(name as 'product:created', { productId: e.aggregateId }, { source: 'server', cursor: e.cursor });
        else if (e.type.startsWith('category.')) client.invalidate('Category', e.aggregateId);
      },
    },
    { resume: { argument: 'after', cursor: (d) => d.catalogEvents?.cursor } },
  );
}
