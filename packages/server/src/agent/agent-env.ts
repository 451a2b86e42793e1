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
    /** The sign-in the request rides on: its stored hash (what logout ends) and its expiry. */
    agentSession: { tokenHash: string; expiresAt: Date };
  };
}
