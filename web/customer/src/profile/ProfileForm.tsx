import { useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Select, TextField, FormAlert } from '@nexus/ui';
import { useClient, useMutation } from '@nexus/client/react';
import { UpdateAccountProfileDocument } from '../gql/graphql';

import { focusFirstInvalid, saveFailure } from '../lib/formSubmit';
import { LOCALES, PROFILE_FIELDS, validateProfile, type ProfileErrors, type ProfileValues } from './profileRules';

/**
 * The profile form: one save runs auth's updateMe (the name) and customer's updateProfile (phone, language,
 * marketing mail) in one request. Client checks first; the server's errors land on the field they name.
 */
export function ProfileForm({ initial }: { initial: ProfileValues }) {
  const client = useClient();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UpdateAccountProfileDocument);
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof ProfileValues>(k: K, v: ProfileValues[K]) => {
    setValues((s) => ({ ...s, [k]: v }));
    setSaved(false);
  };
  const locales = LOCALES.some((l) => l.value === values.locale) ? LOCALES : [{ value: values.locale, label: values.locale }, ...LOCALES];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    const found = validateProfile(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form.current);
    try {
      await save({
        name: { firstName: values.firstName.trim(), lastName: values.lastName.trim() },
        profile: { phone: values.phone.trim(), marketingEmails: values.marketingEmails, locale: values.locale },
      });
      setSaved(true);
      client.invalidate('User');
    } catch (err) {
      const f = saveFailure(err, PROFILE_FIELDS);
      setErrors(f.fields);
      setOther(f.other);
      focusFirstInvalid(form.current);
    }
  };

  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby="profile-form-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="profile-form-title" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        Personal details
      </h2>
      <FormAlert messages={other} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="First name" name="firstName" autoComplete="given-name" aria-required="true" value={values.firstName} error={errors.firstName} onChange={(e) => set('firstName', e.target.value)} />
        <TextField label="Last name" name="lastName" autoComplete="family-name" aria-required="true" value={values.lastName} error={errors.lastName} onChange={(e) => set('lastName', e.target.value)} />
      </div>
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        autoComplete="tel"
        hint="Optional. International format, for example +1 415 555 0123."
        value={values.phone}
        error={errors.phone}
        onChange={(e) => set('phone', e.target.value)}
      />
      <Select label="Language" name="locale" options={locales} value={values.locale} error={errors.locale} onChange={(e) => set('locale', e.target.value)} />
      <Checkbox label="Send me marketing emails" name="marketingEmails" checked={values.marketingEmails} onChange={(e) => set('marketingEmails', e.target.checked)} />
      <div className="flex items-center gap-3">
        <Button type="submit" loading={loading}>
          Save changes
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {saved ? 'Profile saved.' : ''}
        </p>
      </div>
    </form>
  );
}
