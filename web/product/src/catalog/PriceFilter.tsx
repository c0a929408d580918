import { useState } from 'react';
import { RangeInputs } from '@nexus/ui';
import { readPriceInput } from './priceInput';

/** Props of {@link PriceFilter}: bounds in the currency's major units. */
export interface PriceFilterProps {
  min: number | null;
  max: number | null;
  onChange(min: number | null, max: number | null): void;
}

const show = (n: number | null) => (n === null ? '' : String(n));

/**
 * Minimum/maximum price inputs in dollars, applied on Enter or blur (not per
 * key, which would query on every digit) and validated with an inline error.
 */
export function PriceFilter({ min, max, onChange }: PriceFilterProps) {
  const [minText, setMinText] = useState(show(min));
  const [maxText, setMaxText] = useState(show(max));
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState({ min, max });
  if (applied.min !== min || applied.max !== max) {
    // The URL changed underneath (back button, chip removed): show it.
    setApplied({ min, max });
    setMinText(show(min));
    setMaxText(show(max));
    setError(null);
  }
  const commit = () => {
    const r = readPriceInput(minText, maxText);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    if (r.min !== min || r.max !== max) onChange(r.min, r.max);
  };
  return (
    <RangeInputs
      legend="Custom price (USD)"
      min={minText}
      max={maxText}
      onMinChange={setMinText}
      onMaxChange={setMaxText}
      minLabel="Minimum price"
      maxLabel="Maximum price"
      step="0.01"
      prefix="$"
      error={error}
      onCommit={commit}
    />
  );
}
