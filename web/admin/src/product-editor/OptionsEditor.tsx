import { useState, type FormEvent } from 'react';
import { Button, FormAlert } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { SetProductOptionsDocument, type AdminProductFieldsFragment } from '../gql/graphql';
import { isConflict, isStale, STALE_MESSAGE } from '../lib/conflict';
import { saveFailure } from '../lib/formSubmit';
import { OptionRow } from './OptionRow';
import { MAX_OPTIONS, addValues, combinations, optionsChanged, toOptionInputs, validateOptions, type OptionDraft, type OptionErrors } from './optionValues';
import { StaleAlert } from './StaleAlert';

/** Props of {@link OptionsEditor}. */
export interface OptionsEditorProps {
  product: AdminProductFieldsFragment;
  version: number;
  onSaved: (p: AdminProductFieldsFragment) => void;
  onReload: () => void;
}

/**
 * The product's options (Size: S, M; Colour: Red, Blue), saved at once with setProductOptions. Removing a value
 * deletes its variants: the server refuses with CONFLICT while one of them has stock, and that refusal is shown
 * as the server words it; an outdated version says "changed by someone else — reload" instead.
 */
export function OptionsEditor({ product, version, onSaved, onReload }: OptionsEditorProps) {
  const [drafts, setDrafts] = useState<OptionDraft[]>(() => product.options.map((o) => ({ name: o.name, values: [...o.values] })));
  const [pending, setPending] = useState<string[]>(() => product.options.map(() => ''));
  const [errors, setErrors] = useState<OptionErrors | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; stale: boolean }>();
  const [other, setOther] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(SetProductOptionsDocument);
  const withPending = drafts.map((o, i) => ({ ...o, values: addValues(o.values, pending[i] ?? '') }));
  const dirty = optionsChanged(withPending, product.options);

  const edit = (i: number, o: OptionDraft) => {
    setSaved(false);
    setDrafts((ds) => ds.map((d, j) => (j === i ? o : d)));
  };
  const remove = (i: number) => {
    setSaved(false);
    setDrafts((ds) => ds.filter((_, j) => j !== i));
    setPending((ps) => ps.filter((_, j) => j !== i));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(undefined);
    setOther([]);
    setSaved(false);
    setDrafts(withPending);
    setPending(withPending.map(() => ''));
    const found = validateOptions(withPending);
    setErrors(found);
    if (found) return;
    try {
      const r = await save({ input: { productId: product.id, version, options: toOptionInputs(withPending) } });
      setSaved(true);
      onSaved(r.setProductOptions);
    } catch (err) {
      if (isStale(err)) return setRefusal({ message: STALE_MESSAGE, stale: true });
      if (isConflict(err)) return setRefusal({ message: saveFailure(err, []).other.join(' '), stale: false });
      setOther(saveFailure(err, []).other);
    }
  };
  const n = combinations(withPending);
  return (
    <form noValidate onSubmit={submit} aria-labelledby="options-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div>
        <h2 id="options-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
          Options
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {withPending.length === 0 ? 'No options: the product is sold as one variant.' : `${n} ${n === 1 ? 'combination' : 'combinations'} of ${withPending.map((o) => o.name.trim() || '…').join(' × ')}.`}
        </p>
      </div>
      {refusal ? <StaleAlert message={refusal.message} onReload={refusal.stale ? onReload : undefined} /> : null}
      <FormAlert messages={[...(errors?.form ? [errors.form] : []), ...other]} />
      {drafts.map((o, i) => (
        <OptionRow
          key={i}
          n={i + 1}
          option={o}
          pending={pending[i] ?? ''}
          errors={errors?.rows[i]}
          onChange={(x) => edit(i, x)}
          onPending={(t) => setPending((ps) => ps.map((p, j) => (j === i ? t : p)))}
          onRemove={() => remove(i)}
        />
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          disabled={drafts.length >= MAX_OPTIONS}
          onClick={() => {
            setDrafts((ds) => [...ds, { name: '', values: [] }]);
            setPending((ps) => [...ps, '']);
          }}
        >
          Add option
        </Button>
        <Button type="submit" loading={loading} disabled={!dirty && !loading}>
          Save options
        </Button>
        <p role="status" className={saved ? 'text-sm text-emerald-700 dark:text-emerald-400' : 'text-sm text-zinc-600 dark:text-zinc-400'}>
          {saved ? 'Options saved.' : dirty ? 'Unsaved changes.' : ''}
        </p>
      </div>
    </form>
  );
}
