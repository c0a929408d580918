import { useState } from 'react';
import { Button, ConfirmDialog, EmptyState, toast } from '@nexus/ui';
import { useClient, useMutation, useQuery } from '@nexus/client/react';
import { AccountAddressesDocument, AddAddressDocument, DeleteAddressDocument, UpdateAddressDocument, type AddressFieldsFragment, type AddressInput } from '../gql/graphql';
import { ListSkeleton } from '../layout/ListSkeleton';
import { PageHeader } from '../layout/PageHeader';
import { errorMessage } from '../lib/errorMessage';
import { LoadFailed } from '../lib/LoadFailed';
import { AddressCard, addressName } from './AddressCard';
import { AddressForm } from './AddressForm';
import { emptyAddress, fromAddress, toAddressInput } from './addressRules';

type Editor = { mode: 'new' } | { mode: 'edit'; address: AddressFieldsFragment } | null;

/**
 * /account/addresses: the address book. Add and edit in one form that adapts to the country, delete after a
 * confirmation, make an address the default for shipping or billing. Every change refetches the book (the
 * server reorders it: defaults first).
 */
export default function AddressesPage() {
  const client = useClient();
  const { data, error, loading, fetching, refetch } = useQuery(AccountAddressesDocument);
  const [editor, setEditor] = useState<Editor>(null);
  const [deleting, setDeleting] = useState<AddressFieldsFragment | null>(null);
  const [deleteError, setDeleteError] = useState<string>();
  const [add] = useMutation(AddAddressDocument);
  const [update, { loading: updating }] = useMutation(UpdateAddressDocument);
  const [remove, { loading: removing }] = useMutation(DeleteAddressDocument);
  const changed = () => client.invalidate('User');

  const countries = data?.addressCountries ?? [];
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const save = async (input: AddressInput) => {
    if (editor?.mode === 'edit') await update({ id: editor.address.id, input });
    else await add({ input });
    toast.success(editor?.mode === 'edit' ? 'Address updated.' : 'Address added.');
    setEditor(null);
    changed();
  };
  const makeDefault = async (a: AddressFieldsFragment, kind: 'shipping' | 'billing') => {
    const input = toAddressInput({ ...fromAddress(a), ...(kind === 'shipping' ? { isDefaultShipping: true } : { isDefaultBilling: true }) });
    try {
      await update({ id: a.id, input });
      toast.success(`Default ${kind} address changed.`);
      changed();
    } catch (e) {
      toast.error(errorMessage(e as never));
    }
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteError(undefined);
    try {
      await remove({ id: deleting.id });
      toast.success('Address deleted.');
      setDeleting(null);
      changed();
    } catch (e) {
      setDeleteError(errorMessage(e as never));
    }
  };

  const addresses = data?.myAccount.addresses ?? [];
  const addButton = data && addresses.length > 0 && editor === null ? <Button onClick={() => setEditor({ mode: 'new' })}>Add address</Button> : null;
  return (
    <>
      <PageHeader title="Addresses" description="Where we ship your orders and send your invoices." action={addButton} />
      {loading ? (
        <ListSkeleton label="Loading your addresses" />
      ) : !data ? (
        <LoadFailed what="your addresses" error={error} onRetry={refetch} retrying={fetching} />
      ) : (
        <div className="space-y-6" aria-busy={fetching || undefined}>
          {editor ? (
            <AddressForm
              key={editor.mode === 'edit' ? editor.address.id : 'new'}
              title={editor.mode === 'edit' ? 'Edit address' : 'New address'}
              submitLabel={editor.mode === 'edit' ? 'Save address' : 'Add address'}
              initial={editor.mode === 'edit' ? fromAddress(editor.address) : { ...emptyAddress(countries.some((c) => c.code === 'US') ? 'US' : (countries[0]?.code ?? 'US')), isDefaultShipping: addresses.length === 0, isDefaultBilling: addresses.length === 0 }}
              countries={countries}
              onSave={save}
              onCancel={() => setEditor(null)}
            />
          ) : null}
          {addresses.length === 0 ? (
            editor ? null : (
            <EmptyState
              title="No saved addresses yet"
              description="Save an address to check out faster."
              action={<Button onClick={() => setEditor({ mode: 'new' })}>Add address</Button>}
            />
            )
          ) : (
            <ul aria-label="Saved addresses" className="grid gap-4 sm:grid-cols-2">
              {addresses.map((a) => (
                <li key={a.id}>
                  <AddressCard
                    address={a}
                    countryName={countryName(a.country)}
                    busy={updating}
                    onEdit={() => setEditor({ mode: 'edit', address: a })}
                    onDelete={() => {
                      setDeleteError(undefined);
                      setDeleting(a);
                    }}
                    onMakeDefault={(kind) => void makeDefault(a, kind)}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this address?"
        confirmLabel="Delete address"
        busy={removing}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>{deleting ? addressName(deleting) : ''} will be removed from your address book. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
