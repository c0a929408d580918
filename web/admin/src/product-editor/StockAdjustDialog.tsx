import { useState, type FormEvent } from 'react';
import { Button, Dialog, FormAlert, TextField } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { AdjustVariantStockDocument, type AdminVariantFragment } from '../gql/graphql';
import { saveFailure } from '../lib/formSubmit';
import { MAX_STOCK_REASON, checkStockAdjust } from './stockDelta';

/** Props of {@link StockAdjustDialog}: open while `variant` is set. */
export interface StockAdjustDialogProps {
  variant: AdminVariantFragment | null;
  onClose: () => void;
}

/** Adds or removes units of one variant with a reason (adjustStock(variantId)); the stock after is shown before saving. */
export function StockAdjustDialog({ variant, onClose }: StockAdjustDialogProps) {
  return (
    <Dialog open={variant !== null} onClose={onClose} title={variant ? `Adjust stock of ${variant.title}` : 'Adjust stock'}>
      {variant ? <StockForm variant={variant} onDone={onClose} /> : null}
    </Dialog>
  );
}

function StockForm({ variant, onDone }: { variant: AdminVariantFragment; onDone: () => void }) {
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ delta?: string; reason?: string }>({});
  const [other, setOther] = useState<string[]>([]);
  const [adjust, { loading }] = useMutation(AdjustVariantStockDocument);
  const preview = checkStockAdjust({ delta, reason: reason || '-' }, variant.stock);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    const c = checkStockAdjust({ delta, reason }, variant.stock);
    setErrors(c.ok ? {} : c.errors);
    if (!c.ok) return;
    try {
      await adjust({ variantId: variant.id, delta: c.delta, reason: c.reason });
      onDone();
    } catch (err) {
      const f = saveFailure(err, ['delta', 'reason'] as const);
      setErrors(f.fields);
      setOther(f.other);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormAlert messages={other} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        In stock now: <strong>{variant.stock.toLocaleString('en')}</strong>
        {preview.ok ? (
          <>
            {' '}→ after the change: <strong>{preview.after.toLocaleString('en')}</strong>
          </>
        ) : null}
      </p>
      <TextField label="Units to add" hint="A negative number removes units, like -3" inputMode="numeric" aria-required="true" value={delta} error={errors.delta} onChange={(e) => setDelta(e.target.value)} />
      <TextField label="Reason" hint="Kept with the stock movement, like “recount” or “damaged in transit”" aria-required="true" maxLength={MAX_STOCK_REASON} value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={loading}>
          Cancel
        </Button>
        <Button type="submit" loading={loading}>
          Adjust stock
        </Button>
      </div>
    </form>
  );
}
