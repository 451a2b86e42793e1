import type { ConversationStatus } from '@helpline/core';
import { strings } from '../strings.js';
import { SavedSelect } from './SavedSelect.js';

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
  return (
    <SavedSelect
      id="conversation-status"
      label={strings.thread.status}
      value={status}
      options={OPTIONS}
      onChange={(next) => onChange(next as ConversationStatus)}
    />
  );
}
