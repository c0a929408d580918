import { Badge, Button, VisuallyHidden } from '@nexus/ui';
import type { AccountPaymentMethodsQuery } from '../gql/graphql';
import { brandName, expiry, maskedNumber } from './cardRules';

type Method = AccountPaymentMethodsQuery['myAccount']['paymentMethods'][number];

/** How a saved card is named in buttons and messages: "Visa ending in 4242". */
export const cardName = (m: Pick<Method, 'brand' | 'last4'>) => `${brandName(m.brand)} ending in ${m.last4}`;

/** Props of {@link PaymentMethodCard}. */
export interface PaymentMethodCardProps {
  method: Method;
  busy: boolean;
  onMakeDefault: () => void;
  onDelete: () => void;
}

/** A saved card: brand, masked number, expiry, holder, the default badge and its actions. */
export function PaymentMethodCard({ method: m, busy, onMakeDefault, onDelete }: PaymentMethodCardProps) {
  const name = cardName(m);
  return (
    <article aria-label={name} className="flex h-full flex-col gap-2 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <p className="font-medium text-zinc-900 dark:text-zinc-100">
          {brandName(m.brand)} <span className="font-mono" aria-hidden="true">
            {maskedNumber(m.last4)}
          </span>
          <VisuallyHidden>ending in {m.last4}</VisuallyHidden>
        </p>
        {m.isDefault ? <Badge tone="brand">Default</Badge> : null}
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {m.type === 'DEBIT_CARD' ? 'Debit card' : 'Credit card'} · Expires {expiry(m.expMonth, m.expYear)}
      </p>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{m.holderName}</p>
      <div className="mt-auto flex flex-wrap gap-2 pt-2">
        {!m.isDefault ? (
          <Button size="sm" variant="secondary" disabled={busy} onClick={onMakeDefault}>
            Make default<VisuallyHidden> for {name}</VisuallyHidden>
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" className="text-red-700 dark:text-red-400" onClick={onDelete}>
          Delete<VisuallyHidden> {name}</VisuallyHidden>
        </Button>
      </div>
    </article>
  );
}
