import { useState } from 'react';
import { Button, ConfirmDialog, EmptyState, toast } from '@nexus/ui';
import { useClient, useMutation, useQuery } from '@nexus/client/react';
import { AccountPaymentMethodsDocument, DeletePaymentMethodDocument, SetDefaultPaymentMethodDocument, type AccountPaymentMethodsQuery } from '../gql/graphql';
import { ListSkeleton } from '../layout/ListSkeleton';
import { PageHeader } from '../layout/PageHeader';
import { errorMessage } from '../lib/errorMessage';
import { LoadFailed } from '../lib/LoadFailed';
import { CardForm } from './CardForm';
import { PaymentMethodCard, cardName } from './PaymentMethodCard';

type Method = AccountPaymentMethodsQuery['myAccount']['paymentMethods'][number];

/** /account/payment-methods: saved cards (masked), the default, deleting after a confirmation, adding a test card. */
export default function PaymentMethodsPage() {
  const client = useClient();
  const { data, error, loading, fetching, refetch } = useQuery(AccountPaymentMethodsDocument);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Method | null>(null);
  const [deleteError, setDeleteError] = useState<string>();
  const [setDefault, { loading: settingDefault }] = useMutation(SetDefaultPaymentMethodDocument);
  const [remove, { loading: removing }] = useMutation(DeletePaymentMethodDocument);
  const changed = () => client.invalidate('User');

  const makeDefault = async (m: Method) => {
    try {
      await setDefault({ id: m.id });
      toast.success(`${cardName(m)} is now your default payment method.`);
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
      toast.success('Payment method deleted.');
      setDeleting(null);
      changed();
    } catch (e) {
      setDeleteError(errorMessage(e as never));
    }
  };

  const methods = data?.myAccount.paymentMethods ?? [];
  return (
    <>
      <PageHeader
        title="Payment methods"
        description="Cards saved for checkout. We keep only a token, the brand, the last four digits and the expiry."
        action={data && methods.length > 0 && !adding ? <Button onClick={() => setAdding(true)}>Add card</Button> : null}
      />
      {loading ? (
        <ListSkeleton label="Loading your payment methods" rows={2} />
      ) : !data ? (
        <LoadFailed what="your payment methods" error={error} onRetry={refetch} retrying={fetching} />
      ) : (
        <div className="space-y-6" aria-busy={fetching || undefined}>
          {adding ? (
            <CardForm
              makeDefault={methods.length === 0}
              onSaved={() => {
                setAdding(false);
                toast.success('Card saved.');
                changed();
              }}
              onCancel={() => setAdding(false)}
            />
          ) : null}
          {methods.length === 0 ? (
            adding ? null : (
              <EmptyState title="No saved payment methods" description="Save a card to pay faster at checkout." action={<Button onClick={() => setAdding(true)}>Add card</Button>} />
            )
          ) : (
            <ul aria-label="Saved payment methods" className="grid gap-4 sm:grid-cols-2">
              {methods.map((m) => (
                <li key={m.id}>
                  <PaymentMethodCard
                    method={m}
                    busy={settingDefault}
                    onMakeDefault={() => void makeDefault(m)}
                    onDelete={() => {
                      setDeleteError(undefined);
                      setDeleting(m);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this payment method?"
        confirmLabel="Delete payment method"
        busy={removing}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>{deleting ? cardName(deleting) : ''} will be removed. You can add it again at any time.</p>
      </ConfirmDialog>
    </>
  );
}
