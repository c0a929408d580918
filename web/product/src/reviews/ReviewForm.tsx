import { useId, useRef, useState, type FormEvent } from 'react';
import { Button, FormAlert, TextArea, TextField } from '@nexus/ui';
import { StarRatingInput } from './StarRatingInput';
import { charCount, LIMITS, saveFailure, validateReview, type ReviewErrors, type ReviewValues } from './reviewRules';

/** Props of {@link ReviewForm}. */
export interface ReviewFormProps {
  /** The form's heading: "Write a review" or "Edit your review". */
  heading: string;
  initial: ReviewValues;
  submitLabel: string;
  /** Saves the checked values; rejects with the NexusError of a refused write (its field errors go inline). */
  onSave: (values: ReviewValues) => Promise<unknown>;
  onCancel: () => void;
  /** Offline: the form stays editable but cannot be sent. */
  offline?: boolean;
}

/**
 * The write and edit form: stars as a radio group, title, text and the name to show, each with a character
 * counter against the server's limit. Client checks first (nothing is sent while one fails); the server's
 * `extensions.field` errors land under their field, anything else above the form; focus goes to the first
 * invalid control.
 */
export function ReviewForm({ heading, initial, submitLabel, onSave, onCancel, offline }: ReviewFormProps) {
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ReviewErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ReviewValues>(k: K, v: ReviewValues[K]) => setValues((s) => ({ ...s, [k]: v }));
  const focusFirstInvalid = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]:not(fieldset), fieldset[aria-invalid="true"] input')?.focus());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setOther([]);
    const found = validateReview(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    setSaving(true);
    try {
      await onSave(values);
    } catch (err) {
      const f = saveFailure(err);
      setErrors(f.fields);
      setOther(f.other);
      focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  const counter = (f: keyof typeof LIMITS) => `${charCount(values[f].trim())} of ${LIMITS[f]} characters`;
  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby={headingId} className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h3 id={headingId} className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        {heading}
      </h3>
      <FormAlert messages={other} />
      <StarRatingInput value={values.rating} onChange={(n) => set('rating', n)} error={errors.rating} />
      <TextField label="Title" name="title" aria-required="true" value={values.title} hint={counter('title')} error={errors.title} onChange={(e) => set('title', e.target.value)} />
      <TextArea label="Review" name="body" rows={5} aria-required="true" value={values.body} hint={counter('body')} error={errors.body} onChange={(e) => set('body', e.target.value)} />
      <TextField
        label="Display name"
        name="authorName"
        autoComplete="nickname"
        aria-required="true"
        value={values.authorName}
        hint={`Shown with your review. ${counter('authorName')}`}
        error={errors.authorName}
        onChange={(e) => set('authorName', e.target.value)}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" loading={saving} disabled={offline}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        {offline ? <p className="text-sm text-zinc-600 dark:text-zinc-400">You are offline: your review can be sent once you are back online.</p> : null}
      </div>
    </form>
  );
}
