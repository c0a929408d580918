import { useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Select, TextField, FormAlert } from '@nexus/ui';
import type { AddressInput } from '../gql/graphql';

import { focusFirstInvalid, saveFailure } from '../lib/formSubmit';
import { ADDRESS_FIELDS, toAddressInput, validateAddress, type AddressErrors, type AddressValues, type CountryRule } from './addressRules';

/** Props of {@link AddressForm}. */
export interface AddressFormProps {
  /** The form's heading: "New address" or "Edit address". */
  title: string;
  initial: AddressValues;
  countries: ReadonlyArray<CountryRule>;
  submitLabel: string;
  /** Saves; a rejection with the server's validation errors puts them on the fields they name. */
  onSave: (input: AddressInput) => Promise<unknown>;
  onCancel: () => void;
}

/**
 * The address editor. It adapts to the chosen country's rules (`addressCountries`): the region is required or
 * optional, the postal code shows the country's example. Client checks run first; the server's errors
 * (`extensions.field` = `input.postalCode`) land inline on their field, and focus moves to the first invalid one.
 */
export function AddressForm({ title, initial, countries, submitLabel, onSave, onCancel }: AddressFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const rule = countries.find((c) => c.code === values.country);
  const set = <K extends keyof AddressValues>(k: K, v: AddressValues[K]) => {
    setValues((s) => ({ ...s, [k]: v }));
    if (k in errors) setErrors((e) => ({ ...e, [k]: undefined }));
  };
  const text = (field: keyof AddressErrors) => ({
    name: field,
    value: values[field],
    error: errors[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    const found = validateAddress(values, countries);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form.current);
    setSaving(true);
    try {
      await onSave(toAddressInput(values));
    } catch (err) {
      const f = saveFailure(err, ADDRESS_FIELDS);
      setErrors(f.fields);
      setOther(f.other);
      focusFirstInvalid(form.current);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby="address-form-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="address-form-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        {title}
      </h2>
      <FormAlert messages={other} />
      <Select
        label="Country"
        name="country"
        autoComplete="country"
        options={[...(rule ? [] : [{ value: values.country, label: 'Choose a country' }]), ...countries.map((c) => ({ value: c.code, label: c.name }))]}
        value={values.country}
        error={errors.country}
        onChange={(e) => set('country', e.target.value)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="First name" autoComplete="given-name" aria-required="true" {...text('firstName')} />
        <TextField label="Last name" autoComplete="family-name" aria-required="true" {...text('lastName')} />
      </div>
      <TextField label="Street address" autoComplete="address-line1" aria-required="true" {...text('line1')} />
      <TextField label="Apartment, suite, etc. (optional)" autoComplete="address-line2" {...text('line2')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="City" autoComplete="address-level2" aria-required="true" {...text('city')} />
        <TextField
          label={rule?.requiresRegion ? 'State / province' : 'State / province (optional)'}
          autoComplete="address-level1"
          aria-required={rule?.requiresRegion ? 'true' : undefined}
          hint={rule?.requiresRegion && rule.code === 'US' ? 'Two-letter code, for example CA.' : undefined}
          {...text('region')}
        />
        <TextField
          label="Postal code"
          autoComplete="postal-code"
          aria-required="true"
          hint={rule ? `For example ${rule.postalCodeExample}` : undefined}
          {...text('postalCode')}
        />
      </div>
      <TextField label="Phone" type="tel" autoComplete="tel" aria-required="true" hint="For delivery questions." {...text('phone')} />
      <div className="space-y-2">
        <Checkbox label="Use as my default shipping address" checked={values.isDefaultShipping} onChange={(e) => set('isDefaultShipping', e.target.checked)} />
        <Checkbox label="Use as my default billing address" checked={values.isDefaultBilling} onChange={(e) => set('isDefaultBilling', e.target.checked)} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
