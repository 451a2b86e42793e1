import type { VerifiedSession } from '../auth/session-token.js';
import type { Visitor } from '../visitors/visitor-store.js';
import type { Workspace } from '../workspace/settings.js';

/** Hono context variables of the widget API. */
export interface WidgetEnv {
  Variables: {
    workspace: Workspace;
    visitor: Visitor;
    /** The bearer token's verified claims, on routes that require a session. */
    session: VerifiedSession;
  };
}
