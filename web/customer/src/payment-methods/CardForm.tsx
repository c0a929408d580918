import { useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, TextField, FormAlert } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { AddPaymentMethodDocument, TokenizeTestCardDocument } from '../gql/graphql';

import { focusFirstInvalid, saveFailure } from '../lib/formSubmit';
import { CARD_FIELDS, cardDigits, validateCard, type CardErrors, type CardValues } from './cardRules';

/** Props of {@link CardForm}. */
export interface CardFormProps {
  /** Pre-ticks "make default" (the first card). */
  makeDefault: boolean;
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * Adds a card in two steps: the number, expiry and CVC go to `tokenizeTestCard` only (standing in for the
 * payment provider's tokenizer), then `addPaymentMethod` saves the returned token with the holder's name. The
 * number and CVC are cleared from memory once tokenized, and never sent anywhere else.
 */
export function CardForm({ makeDefault, onSaved, onCancel }: CardFormProps) {
  const [values, setValues] = useState<CardValues>({ holderName: '', number: '', expMonth: '', expYear: '', cvc: '', isDefault: makeDefault });
  const [errors, setErrors] = useState<CardErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [tokenize, { loading: tokenizing }] = useMutation(TokenizeTestCardDocument);
  const [add, { loading: adding }] = useMutation(AddPaymentMethodDocument);
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof CardValues>(k: K, v: CardValues[K]) => setValues((s) => ({ ...s, [k]: v }));
  const text = (field: keyof CardErrors) => ({ name: field, value: values[field], error: errors[field], onChange: (e: { target: { value: string } }) => set(field, e.target.value) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    const found = validateCard(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form.current);
    try {
      const { tokenizeTestCard } = await tokenize({
        input: { number: cardDigits(values.number) ?? '', expMonth: Number(values.expMonth), expYear: Number(values.expYear), cvc: values.cvc.trim() },
      });
      setValues((s) => ({ ...s, number: '', cvc: '' }));
      await add({ input: { token: tokenizeTestCard.token, holderName: values.holderName.trim(), isDefault: values.isDefault } });
      onSaved();
    } catch (err) {
      const f = saveFailure(err, CARD_FIELDS);
      setErrors(f.fields);
      setOther(f.other);
      focusFirstInvalid(form.current);
    }
  };

  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby="card-form-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="card-form-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Add a card
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Test mode: use a test card such as 4242 4242 4242 4242. No real payment is made.</p>
      <FormAlert messages={other} />
      <TextField label="Name on card" autoComplete="cc-name" aria-required="true" {...text('holderName')} />
      <TextField label="Card number" inputMode="numeric" autoComplete="cc-number" aria-required="true" {...text('number')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Expiry month" inputMode="numeric" autoComplete="cc-exp-month" placeholder="MM" aria-required="true" {...text('expMonth')} />
        <TextField label="Expiry year" inputMode="numeric" autoComplete="cc-exp-year" placeholder="YYYY" aria-required="true" {...text('expYear')} />
        <TextField label="Security code (CVC)" inputMode="numeric" autoComplete="cc-csc" aria-required="true" {...text('cvc')} />
      </div>
      <Checkbox label="Make this my default payment method" checked={values.isDefault} onChange={(e) => set('isDefault', e.target.checked)} />
      <div className="flex gap-2">
        <Button type="submit" loading={tokenizing || adding}>
          Save card
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={tokenizing || adding}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
