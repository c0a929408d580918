import { fieldErrors } from '@nexus/client';
import { errorMessage, type ErrorLike } from './errorMessage';

/** What a failed save means for a form: inline errors for its fields, plain messages for the rest. */
export interface SaveFailure<F extends string> {
  fields: Partial<Record<F, string>>;
  other: string[];
}

type FailedOperation = ErrorLike & { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };

/** Codes whose messages the server writes for people (validation, conflicts, refusals): shown as they are. */
const SPEAKING = new Set(['INVALID', 'BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * Splits a failed mutation (a NexusError) for a form: errors whose `extensions.field` (without `input.`) is one of
 * `fields` go inline; other validation messages and refusals ("cannot change your own role") are shown as the
 * server wrote them; transport failures (offline, timeout, 5xx, a lost session) get plain words, never raw texts.
 */
export function saveFailure<F extends string>(error: unknown, fields: ReadonlyArray<F>): SaveFailure<F> {
  const e = error as FailedOperation | undefined;
  const byField = fieldErrors(e as never);
  const out: SaveFailure<F> = { fields: {}, other: [] };
  for (const f of fields) if (byField[f] !== undefined) out.fields[f] = withoutPath(byField[f], f);
  for (const x of e?.errors ?? []) {
    const f = x.extensions?.field;
    const name = typeof f === 'string' ? (f.startsWith('input.') ? f.slice(6) : f) : '';
    if (name && (fields as ReadonlyArray<string>).includes(name)) continue;
    const message = SPEAKING.has(String(x.extensions?.code)) ? (name ? withoutPath(x.message, name) : x.message) : errorMessage(e);
    if (!out.other.includes(message)) out.other.push(message);
  }
  if (Object.keys(out.fields).length === 0 && out.other.length === 0) out.other.push(errorMessage(e));
  return out;
}

/**
 * A server message as a field shows it: without the input path some subgraphs put in front ("input.postalCode: is
 * not a valid…"; @nexus/client's fieldErrors already drops it for field errors) and starting with a capital
 * ("Is not a valid…"), since it stands alone under its label.
 */
export function withoutPath(message: string, field: string): string {
  const m = /^(?:input\.)?([\w.]+):\s*(.+)$/s.exec(message);
  const rest = m && m[1] === field ? (m[2] ?? '') : message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Focuses the first invalid control of a form after React rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
