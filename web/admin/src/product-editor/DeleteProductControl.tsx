import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ConfirmDialog } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { DeleteProductDocument } from '../gql/graphql';
import { saveFailure } from '../lib/formSubmit';

/** Deletes the product after a confirmation naming it, then goes back to the list. */
export function DeleteProductControl({ id, name }: { id: string; name: string }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [remove, { loading }] = useMutation(DeleteProductDocument);
  const confirm = async () => {
    setError(undefined);
    try {
      await remove({ id });
      setOpen(false);
      navigate('/admin/products', { replace: true });
    } catch (err) {
      setError(saveFailure(err, []).other.join(' '));
    }
  };
  return (
    <section aria-labelledby="danger-title" className="space-y-3 rounded-xl border border-red-200 p-4 dark:border-red-900/60">
      <h2 id="danger-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Delete product
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Shoppers no longer see it anywhere: listings, search and its page.</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete product
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${name}?`}
        confirmLabel="Delete product"
        busy={loading}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setError(undefined);
          setOpen(false);
        }}
      >
        <p>{name} and its variants disappear from the storefront at once. This cannot be undone here.</p>
      </ConfirmDialog>
    </section>
  );
}
