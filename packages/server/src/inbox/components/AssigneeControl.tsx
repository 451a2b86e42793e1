import type { Author } from '@helpline/core';
import { useState } from 'preact/hooks';
import type { Agent } from '../api/schemas.js';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';

interface Props {
  assignee: Author | undefined;
  agents: Agent[];
  me: Agent | undefined;
  onChange: (agentId: string | null) => Promise<void>;
}

/** Who owns the conversation: nobody, me, or a colleague. Saved at once. */
export function AssigneeControl({ assignee, agents, me, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  // The list may not have loaded, or may miss an agent removed since: the current owner and "me" always show.
  const options = new Map<string, string>();
  if (me) options.set(me.id, `${me.name} (${strings.thread.you})`);
  for (const agent of agents) if (!options.has(agent.id)) options.set(agent.id, agent.name);
  if (assignee?.id && !options.has(assignee.id)) options.set(assignee.id, assignee.name ?? assignee.id);
  return (
    <div class="field-inline">
      <label for="conversation-assignee">{strings.thread.assignee}</label>
      <select
        id="conversation-assignee"
        value={assignee?.id ?? ''}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setError(null);
          onChange(next === '' ? null : next).catch((failure: unknown) => setError(errorMessage(failure)));
        }}
      >
        <option value="">{strings.thread.unassigned}</option>
        {[...options].map(([id, name]) => (
          <option key={id} value={id}>
            {name}
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
