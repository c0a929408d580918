import { Button, Chip, TextField } from '@nexus/ui';
import { addValues, type OptionDraft } from './optionValues';

/** Props of {@link OptionRow}. */
export interface OptionRowProps {
  /** 1-based position, for the controls' names ("Name of option 1"). */
  n: number;
  option: OptionDraft;
  /** Text typed in the values box and not yet added. */
  pending: string;
  errors?: { name?: string; values?: string };
  onChange: (o: OptionDraft) => void;
  onPending: (text: string) => void;
  onRemove: () => void;
}

/**
 * One option being edited: its name, its values as removable chips, and a box where values are typed with
 * commas ("S, M, L") and added with Enter or "Add values" — what is left in the box is added on save too.
 */
export function OptionRow({ n, option, pending, errors, onChange, onPending, onRemove }: OptionRowProps) {
  const label = option.name.trim() || `option ${n}`;
  const add = () => {
    onChange({ ...option, values: addValues(option.values, pending) });
    onPending('');
  };
  return (
    <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <legend className="px-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Option {n}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <TextField label={`Name of option ${n}`} aria-required="true" maxLength={60} className="min-w-48 flex-1" value={option.name} error={errors?.name} onChange={(e) => onChange({ ...option, name: e.target.value })} />
        <Button variant="ghost" onClick={onRemove}>
          Remove option {n}
        </Button>
      </div>
      {option.values.length > 0 ? (
        <ul aria-label={`Values of ${label}`} className="flex flex-wrap gap-2">
          {option.values.map((v) => (
            <li key={v}>
              <Chip label={v} removeLabel={`Remove value ${v} of ${label}`} onRemove={() => onChange({ ...option, values: option.values.filter((x) => x !== v) })} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label={`Values of option ${n}`}
          hint="Separate values with commas, then press Enter"
          className="min-w-48 flex-1"
          value={pending}
          error={errors?.values}
          onChange={(e) => onPending(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="secondary" onClick={add} disabled={pending.trim() === ''} aria-label={`Add values to option ${n}`}>
          Add values
        </Button>
      </div>
    </fieldset>
  );
}
