import { fieldErrors } from '@nexus/client';

/** The parts of a NexusError the forms read (structural, so it is testable without a client). */
export interface ErrorLike {
  kind: string;
  code?: string;
  status?: number;
  message: string;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A failed submit as a form shows it: messages for its own fields, and one for the rest. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form?: string;
}

const sentence = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Plain words for a failure that belongs to no field. */
export function formMessage(e: ErrorLike): string {
  if (e.kind === 'network') return 'You appear to be offline. Check your connection and try again.';
  if (e.kind === 'timeout') return 'The server took too long to answer. Please try again.';
  if (e.code === 'TOO_MANY_REQUESTS' || e.status === 429) {
    const after = Number(e.errors?.[0]?.extensions?.retryAfter);
    return Number.isFinite(after) && after > 0
      ? `Too many attempts. Please wait ${Math.ceil(after)} seconds and try again.`
      : 'Too many attempts. Please wait a moment and try again.';
  }
  if (e.code === 'UNAUTHENTICATED') return sentence(e.message.replace(/\.?$/, '.'));
  if (e.code === 'INVALID' || e.code === 'BAD_USER_INPUT' || e.code === 'CONFLICT') return sentence(e.message.replace(/\.?$/, '.'));
  return 'Something went wrong on our side. Please try again.';
}

/** A field error for display: the server's messages have no subject ("is already registered"), so the label leads. */
export const fieldMessage = (label: string, msg: string): string => (/^[a-z]/.test(msg) ? `${label} ${msg}` : msg);

/**
 * Maps a failed mutation to the form (seed property 24): each error whose `extensions.field` (without `input.`)
 * is one of the form's fields (the keys of `labels`) goes under that field, led by its label ("Email is already
 * registered"); everything else becomes the form-level message.
 */
export function toFormErrors<F extends string>(e: ErrorLike, labels: Record<F, string>): FormErrors<F> {
  const known = Object.keys(labels) as F[];
  const strip = (f: unknown) => (typeof f === 'string' ? f.replace(/^input\./, '') : undefined);
  const isKnown = (f: string | undefined): f is F => f !== undefined && (known as readonly string[]).includes(f);
  const fields: Partial<Record<F, string>> = {};
  for (const [k, msg] of Object.entries(fieldErrors({ errors: e.errors ?? [] }))) if (isKnown(k)) fields[k] = fieldMessage(labels[k], msg);
  const other = (e.errors ?? []).find((x) => !isKnown(strip(x.extensions?.field)));
  if (other) {
    const code = typeof other.extensions?.code === 'string' ? other.extensions.code : e.code;
    return { fields, form: formMessage({ ...e, message: other.message, code, errors: [other] }) };
  }
  return e.errors?.length ? { fields } : { fields, form: formMessage(e) };
}
