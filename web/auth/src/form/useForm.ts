import type { ErrorSummaryItem } from '@nexus/ui';
import { type ChangeEvent, type FormEvent, useCallback, useId, useRef, useState } from 'react';
import { type ErrorLike, type FormErrors, toFormErrors } from './serverErrors.ts';

/** Options of {@link useForm}: the fields in page order, their checks, and the submit. */
export interface FormOptions<F extends string> {
  initial: Record<F, string>;
  checks: Partial<Record<F, (value: string, all: Record<F, string>) => string | undefined>>;
  /** Runs when every check passed; a rejection with a NexusError is mapped onto the fields. */
  submit: (values: Record<F, string>) => Promise<void>;
  /** Field labels for the summary ("Email: Enter your email address"). */
  labels: Record<F, string>;
}

/** What a form component renders from. */
export interface Form<F extends string> {
  values: Record<F, string>;
  errors: FormErrors<F>;
  pending: boolean;
  /** The error summary's entries, in field order. */
  summary: ErrorSummaryItem[];
  /** Props for a field: id, name, value, onChange, error, ref (focus goes to the first invalid one). */
  field(name: F): { id: string; name: F; value: string; error: string | undefined; onChange(e: ChangeEvent<HTMLInputElement>): void; ref(el: HTMLInputElement | null): void };
  onSubmit(e: FormEvent): void;
  /** The element focused when a failure names no field (the summary). */
  summaryRef: { current: HTMLDivElement | null };
}

/**
 * A small form controller for the auth pages (seed properties 24 and 29): checks every field on submit, shows each
 * problem inline and in the summary and focuses the first invalid field; while the submit runs, `pending` disables
 * the button (no double submit); a server failure is mapped onto the fields its errors name (`extensions.field`
 * without `input.`) and the rest to a form-level message, focusing the first named field or else the summary.
 * Editing a field clears its error.
 */
export function useForm<F extends string>(o: FormOptions<F>): Form<F> {
  const base = useId();
  const [values, setValues] = useState(o.initial);
  const [errors, setErrors] = useState<FormErrors<F>>({ fields: {} });
  const [pending, setPending] = useState(false);
  const els = useRef(new Map<F, HTMLInputElement>());
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const order = Object.keys(o.initial) as F[];
  const idOf = (f: F) => `${base}-${f}`;

  const focusFirst = (fields: Partial<Record<F, string>>) => {
    const first = order.find((f) => fields[f]);
    // after React rendered the messages, so the field is announced with its error
    requestAnimationFrame(() => (first ? els.current.get(first)?.focus() : summaryRef.current?.focus()));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const fields: Partial<Record<F, string>> = {};
    for (const f of order) {
      const msg = o.checks[f]?.(values[f], values);
      if (msg) fields[f] = msg;
    }
    if (Object.keys(fields).length) {
      setErrors({ fields });
      focusFirst(fields);
      return;
    }
    setErrors({ fields: {} });
    setPending(true);
    o.submit(values).then(
      () => setPending(false),
      (err: ErrorLike) => {
        const mapped = toFormErrors(err, o.labels);
        setErrors(mapped);
        setPending(false);
        focusFirst(mapped.fields);
      },
    );
  };

  const setRef = useCallback((f: F, el: HTMLInputElement | null) => {
    if (el) els.current.set(f, el);
    else els.current.delete(f);
  }, []);

  return {
    values,
    errors,
    pending,
    summaryRef,
    summary: order.filter((f) => errors.fields[f]).map((f) => ({ id: idOf(f), message: `${o.labels[f]}: ${errors.fields[f]}` })),
    field: (name) => ({
      id: idOf(name),
      name,
      value: values[name],
      error: errors.fields[name],
      onChange: (ev) => {
        const v = ev.target.value;
        setValues((s) => ({ ...s, [name]: v }));
        if (errors.fields[name]) setErrors((s) => ({ ...s, fields: { ...s.fields, [name]: undefined } }));
      },
      ref: (el) => setRef(name, el),
    }),
    onSubmit,
  };
}
