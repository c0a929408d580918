import { useState, type FormEvent } from 'react';
import { Button, Dialog, FormAlert, TextField, formatMoney } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { UpdateVariantDocument, type AdminVariantFragment } from '../gql/graphql';
import { isStale } from '../lib/conflict';
import { saveFailure } from '../lib/formSubmit';
import { checkMoney, moneyText } from '../lib/money';

const FIELDS = ['sku', 'price', 'compareAtPrice'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;

/** Props of {@link VariantEditDialog}: open while `variant` is set. */
export interface VariantEditDialogProps {
  variant: AdminVariantFragment | null;
  /** The product's price in cents, named in the price field's hint ("empty: the product's price"). */
  productPrice: number;
  onClose: () => void;
  onProductVersion: (v: number) => void;
  /** Fetches the product again (after an edit refused as outdated). */
  onReload: () => void;
}

/** Edits a variant's SKU, own price, compare-at price and attributes (updateVariant); images are kept. */
export function VariantEditDialog({ variant, productPrice, onClose, onProductVersion, onReload }: VariantEditDialogProps) {
  return (
    <Dialog open={variant !== null} onClose={onClose} title={variant ? `Edit ${variant.title}` : 'Edit variant'}>
      {variant ? <VariantForm variant={variant} productPrice={productPrice} onDone={onClose} onProductVersion={onProductVersion} onReload={onReload} /> : null}
    </Dialog>
  );
}

function VariantForm({ variant, productPrice, onDone, onProductVersion, onReload }: { variant: AdminVariantFragment; productPrice: number; onDone: () => void; onProductVersion: (v: number) => void; onReload: () => void }) {
  const [sku, setSku] = useState(variant.sku);
  const [price, setPrice] = useState(variant.inheritsPrice ? '' : moneyText(variant.price.amount));
  const [compareAt, setCompareAt] = useState(moneyText(variant.compareAtPrice?.amount));
  const [attributes, setAttributes] = useState(variant.attributes.map(({ name, value }) => ({ name, value })));
  const [errors, setErrors] = useState<Errors>({});
  const [other, setOther] = useState<string[]>([]);
  const [save, { loading }] = useMutation(UpdateVariantDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    const found: Errors = {};
    const s = sku.trim();
    if (!SKU.test(s)) found.sku = s === '' ? 'Enter a SKU.' : 'Use 1 to 64 letters, digits and . _ - /, starting with a letter or digit.';
    const p = checkMoney(price, false);
    if (p.error) found.price = p.error;
    const c = checkMoney(compareAt, false);
    if (c.error) found.compareAtPrice = c.error.replace('The price', 'The compare-at price');
    else if (c.minor !== null && c.minor <= (p.minor ?? productPrice)) found.compareAtPrice = 'The compare-at price must be above the price.';
    const attrs = attributes.map((a) => ({ name: a.name.trim(), value: a.value.trim() })).filter((a) => a.name !== '' || a.value !== '');
    if (attrs.some((a) => a.name === '' || a.value === '')) setOther(['Give every attribute a name and a value, or remove it.']);
    setErrors(found);
    if (Object.keys(found).length > 0 || attrs.some((a) => a.name === '' || a.value === '')) return;
    try {
      const r = await save({
        input: {
          id: variant.id,
          version: variant.version,
          sku: s,
          price: p.minor,
          compareAtPrice: c.minor,
          attributes: attrs,
          images: variant.images.map(({ url, alt, isPrimary }) => ({ url, alt, isPrimary })),
        },
      });
      onProductVersion(r.updateVariant.product.version);
      onDone();
    } catch (err) {
      if (isStale(err)) {
        onReload();
        return setOther(['This variant was changed by someone else since the page loaded; the table now shows the current values. Close this dialog and edit again.']);
      }
      const f = saveFailure(err, FIELDS);
      setErrors(f.fields);
      setOther(f.other);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormAlert messages={other} />
      <TextField label="SKU" aria-required="true" maxLength={64} value={sku} error={errors.sku} onChange={(e) => setSku(e.target.value)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Price (USD)" inputMode="decimal" hint={`Empty: the product price, ${formatMoney(productPrice, 'USD', 'en-US')}`} value={price} error={errors.price} onChange={(e) => setPrice(e.target.value)} />
        <TextField label="Compare-at price (USD)" inputMode="decimal" hint="Empty: the product's, or none" value={compareAt} error={errors.compareAtPrice} onChange={(e) => setCompareAt(e.target.value)} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Attributes</legend>
        {attributes.map((a, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <TextField label={`Attribute ${i + 1} name`} maxLength={60} className="flex-1" value={a.name} onChange={(e) => setAttributes((as) => as.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
            <TextField label={`Attribute ${i + 1} value`} maxLength={200} className="flex-1" value={a.value} onChange={(e) => setAttributes((as) => as.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
            <Button variant="ghost" onClick={() => setAttributes((as) => as.filter((_, j) => j !== i))}>
              Remove attribute {i + 1}
            </Button>
          </div>
        ))}
        <Button variant="secondary" size="sm" disabled={attributes.length >= 20} onClick={() => setAttributes((as) => [...as, { name: '', value: '' }])}>
          Add attribute
        </Button>
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={loading}>
          Cancel
        </Button>
        <Button type="submit" loading={loading}>
          Save variant
        </Button>
      </div>
    </form>
  );
}
