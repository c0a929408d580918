import { Badge, Button, VisuallyHidden } from '@nexus/ui';
import type { AddressFieldsFragment } from '../gql/graphql';

/** A one-line name for an address, used in button names ("Edit address Ada Lovelace, 1 Main St", the visible "Edit" first). */
export const addressName = (a: AddressFieldsFragment) => `${a.firstName} ${a.lastName}, ${a.line1}`;

/** Props of {@link AddressCard}. */
export interface AddressCardProps {
  address: AddressFieldsFragment;
  countryName: string;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onMakeDefault: (kind: 'shipping' | 'billing') => void;
}

/** A saved address: postal lines, default badges and its actions, each button named after the address. */
export function AddressCard({ address: a, countryName, busy, onEdit, onDelete, onMakeDefault }: AddressCardProps) {
  const name = addressName(a);
  return (
    <article aria-label={name} className="flex h-full flex-col gap-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap gap-2">
        {a.isDefaultShipping ? <Badge tone="brand">Default shipping</Badge> : null}
        {a.isDefaultBilling ? <Badge tone="brand">Default billing</Badge> : null}
      </div>
      <address className="text-sm not-italic leading-relaxed text-zinc-800 dark:text-zinc-200">
        <span className="font-medium">
          {a.firstName} {a.lastName}
        </span>
        <br />
        {a.line1}
        {a.line2 ? (
          <>
            <br />
            {a.line2}
          </>
        ) : null}
        <br />
        {a.city}
        {a.region ? `, ${a.region}` : ''} {a.postalCode}
        <br />
        {countryName}
        <br />
        {a.phone}
      </address>
      <div className="mt-auto flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={onEdit}>
          Edit<VisuallyHidden> address {name}</VisuallyHidden>
        </Button>
        {!a.isDefaultShipping ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => onMakeDefault('shipping')}>
            Set as default shipping<VisuallyHidden> for {name}</VisuallyHidden>
          </Button>
        ) : null}
        {!a.isDefaultBilling ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => onMakeDefault('billing')}>
            Set as default billing<VisuallyHidden> for {name}</VisuallyHidden>
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" className="text-red-700 dark:text-red-400" onClick={onDelete}>
          Delete<VisuallyHidden> address {name}</VisuallyHidden>
        </Button>
      </div>
    </article>
  );
}
