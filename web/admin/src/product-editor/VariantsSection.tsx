import { useState } from 'react';
import { Badge, Button, FormAlert } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { GenerateVariantsDocument, type AdminProductFieldsFragment, type AdminVariantFragment } from '../gql/graphql';
import { isStale, STALE_MESSAGE } from '../lib/conflict';
import { saveFailure } from '../lib/formSubmit';
import { DeleteVariantDialog } from './DeleteVariantDialog';
import { StaleAlert } from './StaleAlert';
import { StockAdjustDialog } from './StockAdjustDialog';
import { VariantEditDialog } from './VariantEditDialog';
import { missingCombinations, totalStock, variantRows } from './variantRows';

/** Props of {@link VariantsSection}. */
export interface VariantsSectionProps {
  product: AdminProductFieldsFragment;
  version: number;
  onProductVersion: (v: number) => void;
  onReload: () => void;
}

type Open = { kind: 'edit' | 'stock' | 'delete'; variant: AdminVariantFragment } | null;

/**
 * The product's variants: a row each (title, SKU, own or product price, compare-at, stock) with Edit, Adjust stock
 * and Delete; "Generate variants" creates the option combinations that have none (stock 0, the product's price).
 */
export function VariantsSection({ product, version, onProductVersion, onReload }: VariantsSectionProps) {
  const [open, setOpen] = useState<Open>(null);
  const [refusal, setRefusal] = useState<string>();
  const [other, setOther] = useState<string[]>([]);
  const [generate, { loading }] = useMutation(GenerateVariantsDocument);
  const rows = variantRows(product.variants);
  const missing = missingCombinations(product.options, product.variants);
  const run = async () => {
    setRefusal(undefined);
    setOther([]);
    try {
      const r = await generate({ input: { productId: product.id, version } });
      onProductVersion(r.generateVariants.version);
    } catch (err) {
      const server = saveFailure(err, []).other;
      if (isStale(err)) return setRefusal(STALE_MESSAGE);
      setOther(server);
    }
  };
  const th = 'px-3 py-2 font-medium';
  return (
    <section aria-labelledby="variants-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="variants-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
            Variants
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {rows.length} {rows.length === 1 ? 'variant' : 'variants'}, {totalStock(product.variants).toLocaleString('en')} in stock
            {missing > 0 ? `; ${missing} ${missing === 1 ? 'combination has' : 'combinations have'} no variant yet` : ''}.
          </p>
        </div>
        {product.options.length > 0 ? (
          <Button variant={missing > 0 ? 'primary' : 'secondary'} loading={loading} disabled={missing === 0 && !loading} onClick={() => void run()}>
            Generate variants
          </Button>
        ) : null}
      </div>
      {refusal ? <StaleAlert message={refusal} onReload={onReload} /> : null}
      <FormAlert messages={other} />
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="min-w-full divide-y divide-zinc-200 text-left text-sm dark:divide-zinc-800">
          <caption className="sr-only">Variants</caption>
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className={th}>Variant</th>
              <th scope="col" className={th}>SKU</th>
              <th scope="col" className={`${th} text-right`}>Price</th>
              <th scope="col" className={`${th} text-right`}>Compare-at</th>
              <th scope="col" className={`${th} text-right`}>Stock</th>
              <th scope="col" className={th}><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="px-3 py-2 font-medium text-zinc-900 dark:text-zinc-100">
                  {r.title}
                </th>
                <td className="px-3 py-2 font-mono text-xs text-zinc-700 dark:text-zinc-300">{r.sku}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  {r.price}
                  {r.inherits ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">product price</span> : null}
                </td>
                <td className="px-3 py-2 text-right tabular-nums text-zinc-700 dark:text-zinc-300">{r.compareAt}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.stock === 0 ? <Badge tone="danger">0</Badge> : r.stock.toLocaleString('en')}</td>
                <td className="px-3 py-2">
                  <div className="flex justify-end gap-1">
                    <Button size="sm" variant="ghost" aria-label={`Edit ${r.title}`} onClick={() => setOpen({ kind: 'edit', variant: r.variant })}>
                      Edit
                    </Button>
                    <Button size="sm" variant="ghost" aria-label={`Adjust stock of ${r.title}`} onClick={() => setOpen({ kind: 'stock', variant: r.variant })}>
                      Adjust stock
                    </Button>
                    <Button size="sm" variant="ghost" aria-label={`Delete ${r.title}`} onClick={() => setOpen({ kind: 'delete', variant: r.variant })}>
                      Delete
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <VariantEditDialog variant={open?.kind === 'edit' ? open.variant : null} productPrice={product.price.amount} onClose={() => setOpen(null)} onProductVersion={onProductVersion} onReload={onReload} />
      <StockAdjustDialog variant={open?.kind === 'stock' ? open.variant : null} onClose={() => setOpen(null)} />
      <DeleteVariantDialog
        variant={open?.kind === 'delete' ? open.variant : null}
        blocked={rows.find((r) => r.id === open?.variant.id)?.deleteBlocked}
        onClose={() => setOpen(null)}
        onProductVersion={onProductVersion}
      />
    </section>
  );
}
