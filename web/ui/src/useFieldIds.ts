import { useId } from 'react';

/** Ids tying a control to its label, hint and error text, plus the aria attributes the control needs. */
export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
  /** Spread on the control: aria-describedby (hint and error) and aria-invalid when there is an error. */
  describedBy: { 'aria-describedby'?: string; 'aria-invalid'?: true };
}

/** Builds the ids and aria wiring every field in the kit shares, so inline errors are always announced with the control. */
export function useFieldIds(id: string | undefined, hint: unknown, error: unknown): FieldIds {
  const generated = useId();
  const base = id ?? generated;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return {
    id: base,
    hintId,
    errorId,
    describedBy: { ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': true as const } : {}) },
  };
}
