import { serverFormErrors } from '@nexus/ui';
import { errorMessage, type ErrorLike } from './errorMessage';

/** What a failed save means for a form: inline errors for its fields, plain messages for the rest. */
export interface SaveFailure<F extends string> {
  fields: Partial<Record<F, string>>;
  other: string[];
}

/**
 * Splits a failed mutation (a NexusError) for a form: validation errors naming one of `fields` go inline, the
 * server's other validation messages are shown as they are, and transport failures (offline, timeout, 5xx) get
 * plain words instead of raw texts.
 */
export function saveFailure<F extends string>(error: unknown, fields: ReadonlyArray<F>): SaveFailure<F> {
  const e = error as ErrorLike & { message?: string; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
  if (e?.kind !== 'graphql' && !(e?.errors && e.errors.length > 0)) return { fields: {}, other: [errorMessage(e)] };
  const { fields: byField, other } = serverFormErrors({ message: e.message ?? '', errors: e.errors ?? [] }, fields);
  const codes = new Set((e.errors ?? []).map((x) => x.extensions?.code));
  const plain = codes.has('INVALID') || codes.has('BAD_USER_INPUT') || codes.has('CONFLICT') || codes.has('FORBIDDEN') ? other : other.length > 0 ? [errorMessage(e)] : [];
  return { fields: byField as Partial<Record<F, string>>, other: plain };
}

/** Focuses the first invalid control of a form after React rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
