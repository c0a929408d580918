/** The parts of a GraphQL error a form needs (structural: the kit does not depend on @nexus/client). */
export interface FieldErrorSource {
  message: string;
  extensions?: Record<string, unknown>;
}

/** A failed operation as a form sees it: its GraphQL errors, if any, and a message for the rest. */
export interface FormErrorSource {
  message: string;
  errors?: ReadonlyArray<FieldErrorSource>;
}

/** Server errors split for a form: per field (by the field's name in the form) and the ones that name no known field. */
export interface ServerFormErrors {
  fields: Record<string, string>;
  other: string[];
}

/**
 * Maps a server's validation errors onto form fields: `extensions.field` is the input path the server names
 * (`input.postalCode`); the prefix up to the last dot is stripped (`postalCode`) and, when `known` is given, only
 * those names count as fields — everything else (and errors without a field) lands in `other`. The first message
 * per field wins, as the form shows one error per field.
 */
export function serverFormErrors(error: FormErrorSource, known?: ReadonlyArray<string>): ServerFormErrors {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  const items = error.errors && error.errors.length > 0 ? error.errors : [{ message: error.message }];
  for (const e of items) {
    const path = e.extensions?.field;
    const name = typeof path === 'string' ? path.slice(path.lastIndexOf('.') + 1) : '';
    if (name && (!known || known.includes(name))) {
      fields[name] ??= e.message;
    } else if (!other.includes(e.message)) {
      other.push(e.message);
    }
  }
  return { fields, other };
}
