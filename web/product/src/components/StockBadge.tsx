import { Badge, type BadgeTone } from '@nexus/ui';
import { stockStatus } from '../lib/stock';

const tones: Record<ReturnType<typeof stockStatus>['tone'], BadgeTone> = { ok: 'success', low: 'warning', out: 'danger' };

/** The stock badge ("In stock" / "Only N left" / "Out of stock"), one wording everywhere a product appears. */
export function StockBadge({ stock }: { stock: number }) {
  const s = stockStatus(stock);
  return <Badge tone={tones[s.tone]}>{s.label}</Badge>;
}
