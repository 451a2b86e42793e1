import type { ConversationStatus } from '@helpline/core';
import { useState } from 'preact/hooks';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';

const OPTIONS: ReadonlyArray<[ConversationStatus, string]> = [
  ['open', strings.thread.statusOpen],
  ['pending', strings.thread.statusPending],
  ['resolved', strings.thread.statusResolved],
];

interface Props {
  status: ConversationStatus;
  onChange: (status: ConversationStatus) => Promise<void>;
}

/** open / pending / resolved. */
export function ConversationStatusControl({ status, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="field-inline">
      <label for="conversation-status">{strings.thread.status}</label>
      <select
        id="conversation-status"
        value={status}
        onChange={(event) => {
          const next = event.currentTarget.value as ConversationStatus;
          setError(null);
          onChange(next).catch((failure: unknown) => setError(errorMessage(failure)));
        }}
      >
        {OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
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
