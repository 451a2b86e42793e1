import { useState } from 'preact/hooks';
import { errorMessage } from '../state/inbox-store.js';

interface Props {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  /** Saves the choice; a refusal shows next to the select, which keeps the saved value. */
  onChange: (value: string) => Promise<void>;
}

/** A labelled select whose choice is saved at once, with the reason shown when saving fails. */
export function SavedSelect({ id, label, value, options, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="field-inline">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          setError(null);
          onChange(event.currentTarget.value).catch((failure: unknown) => setError(errorMessage(failure)));
        }}
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      {error ? (
        <span class="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
