import type { Workspace } from '../workspace/settings.js';

export interface AgentIdentity {
  id: string;
  name: string;
  email: string;
}

/** Hono context variables of the agent API. */
export interface AgentEnv {
  Variables: {
    agent: AgentIdentity;
    workspace: Workspace;
    csrfToken: string;
  };
}
