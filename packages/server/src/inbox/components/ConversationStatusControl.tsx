import { ConversationStatus } from '@helpline/core';
import { strings } from '../strings.js';
import { SavedSelect } from './SavedSelect.js';

const OPTIONS = ConversationStatus.options.map((status) => [status, strings.thread.statuses[status]] as const);

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
      onChange={(next) => onChange(ConversationStatus.parse(next))}
    />
  );
}
