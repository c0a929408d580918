import { useState } from 'react';
import { ConfirmDialog } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { DeleteVariantDocument, type AdminVariantFragment } from '../gql/graphql';
import { saveFailure } from '../lib/formSubmit';

/** Props of {@link DeleteVariantDialog}: open while `variant` is set. */
export interface DeleteVariantDialogProps {
  variant: AdminVariantFragment | null;
  /** Why the server is expected to refuse (last variant, stock left), said before confirming. */
  blocked?: string;
  onClose: () => void;
  onProductVersion: (v: number) => void;
}

/**
 * Deletes a variant after a confirmation. The server refuses a product's last variant and a variant with stock
 * (CONFLICT); its message is shown in the dialog as it wrote it.
 */
export function DeleteVariantDialog({ variant, blocked, onClose, onProductVersion }: DeleteVariantDialogProps) {
  const [error, setError] = useState<string>();
  const [remove, { loading }] = useMutation(DeleteVariantDocument);
  const close = () => {
    setError(undefined);
    onClose();
  };
  const confirm = async () => {
    if (!variant) return;
    setError(undefined);
    try {
      const r = await remove({ id: variant.id });
      onProductVersion(r.deleteVariant.product.version);
      close();
    } catch (err) {
      setError(saveFailure(err, []).other.join(' '));
    }
  };
  return (
    <ConfirmDialog
      open={variant !== null}
      title={variant ? `Delete ${variant.title}?` : 'Delete variant?'}
      confirmLabel="Delete variant"
      busy={loading}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={close}
    >
      <p>
        The variant {variant ? <strong>{variant.sku}</strong> : null} is removed: shoppers can no longer pick or buy it.
      </p>
      {blocked ? <p>{blocked}</p> : null}
    </ConfirmDialog>
  );
}
