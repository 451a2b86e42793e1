import type { Author } from '@helpline/core';
import type { Agent } from '../api/schemas.js';
import { strings } from '../strings.js';
import { SavedSelect } from './SavedSelect.js';

interface Props {
  /** The select's id: one per kind of thread. */
  id: string;
  assignee: Author | undefined;
  agents: Agent[];
  me: Agent | undefined;
  onChange: (agentId: string | null) => Promise<void>;
}

/** Who owns the conversation or ticket: nobody, me, or a colleague. Saved at once. */
export function AssigneeControl({ id, assignee, agents, me, onChange }: Props) {
  // The list may not have loaded, or may miss an agent removed since: the current owner and "me" always show.
  const options = new Map<string, string>([['', strings.thread.unassigned]]);
  if (me) options.set(me.id, `${me.name} (${strings.thread.you})`);
  for (const agent of agents) if (!options.has(agent.id)) options.set(agent.id, agent.name);
  if (assignee?.id && !options.has(assignee.id)) options.set(assignee.id, assignee.name ?? assignee.id);
  return (
    <SavedSelect
      id={id}
      label={strings.thread.assignee}
      value={assignee?.id ?? ''}
      options={[...options]}
      onChange={(next) => onChange(next === '' ? null : next)}
    />
  );
}
