import type { NexusError } from './error.ts';

/**
 * The field errors a mutation's GraphQL errors name, for inline messages: `extensions.field` with its input
 * prefix removed (`input.email` → `email`, `input.address.postalCode` → `address.postalCode`) → the message; the
 * first error of a field wins; a message that starts with the field's path and a colon loses that prefix. Errors without a field are left for a form-level message.
 */
export function fieldErrors(e: Pick<NexusError, 'errors'> | null | undefined, prefix = 'input.'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of e?.errors ?? []) {
    const f = x.extensions?.field;
    if (typeof f != 'string' || !f) continue;
    const k = f.startsWith(prefix) ? f.slice(prefix.length) : f;
    // servers often repeat the path in the message ("input.email: is already registered"): the form shows its label instead
    const m = x.message.startsWith(f + ': ') ? x.message.slice(f.length + 2) : x.message;
    out[k] ??= m;
  }
  return out;
}
