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

/**
 * A labelled select whose choice is saved at once, with the reason shown when saving fails. While
 * the agent is on it (focused, or their choice still saving), a colleague's change does not move
 * it under them: the thread says that change aloud, and the select takes it once left.
 */
export function SavedSelect({ id, label, value, options, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  return (
    <div class="field-inline">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={saving ?? held ?? value}
        onFocus={() => setHeld(value)}
        onBlur={() => setHeld(null)}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setError(null);
          setSaving(next);
          onChange(next)
            .then(() => setHeld((focused) => (focused === null ? null : next)))
            .catch((failure: unknown) => setError(errorMessage(failure)))
            .finally(() => setSaving(null));
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
