import { useRef, useState, type FormEvent } from 'react';
import { Button, FormAlert, TextField } from '@nexus/ui';
import { useClient, useMutation } from '@nexus/client/react';
import { UpdateUserNameDocument, type AdminUserQuery } from '../gql/graphql';
import { focusFirstInvalid, saveFailure } from '../lib/formSubmit';

type User = NonNullable<AdminUserQuery['user']>;
const FIELDS = ['firstName', 'lastName'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

/** Checks of UpdateUserInput: each name 1 to 100 characters. */
export function validateName(v: { firstName: string; lastName: string }): Errors {
  const errors: Errors = {};
  for (const [k, label] of [
    ['firstName', 'first name'],
    ['lastName', 'last name'],
  ] as const) {
    const s = v[k].trim();
    if (s === '') errors[k] = `Enter a ${label}.`;
    else if ([...s].length > 100) errors[k] = `The ${label} must be at most 100 characters.`;
  }
  return errors;
}

/** Edits a user's name (updateUser); client checks, then the server's errors on their fields. */
export function NameForm({ user }: { user: User }) {
  const client = useClient();
  const [values, setValues] = useState({ firstName: user.firstName, lastName: user.lastName });
  const [errors, setErrors] = useState<Errors>({});
  const [other, setOther] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UpdateUserNameDocument);
  const form = useRef<HTMLFormElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    setSaved(false);
    const found = validateName(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(form.current);
    try {
      await save({ input: { id: user.id, firstName: values.firstName.trim(), lastName: values.lastName.trim() } });
      setSaved(true);
      client.invalidate('User', user.id);
    } catch (err) {
      const f = saveFailure(err, FIELDS);
      setErrors(f.fields);
      setOther(f.other);
      focusFirstInvalid(form.current);
    }
  };
  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby="name-form-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="name-form-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Name
      </h2>
      <FormAlert messages={other} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="First name" aria-required="true" value={values.firstName} error={errors.firstName} onChange={(e) => setValues((s) => ({ ...s, firstName: e.target.value }))} />
        <TextField label="Last name" aria-required="true" value={values.lastName} error={errors.lastName} onChange={(e) => setValues((s) => ({ ...s, lastName: e.target.value }))} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" loading={loading}>
          Save name
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {saved ? 'Name saved.' : ''}
        </p>
      </div>
    </form>
  );
}
