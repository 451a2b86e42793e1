import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { receiveUpload } from '../attachments/receive-upload.js';
import { uploadAdmission } from '../attachments/upload-quota.js';
import type { AgentEnv } from './agent-env.js';

/**
 * POST /attachments: a file for the agent's next reply, under the rules visitor uploads follow. It
 * belongs to the agent until a reply carries it (see attachments/agent-uploads.ts); it is downloaded
 * like any attachment, through its signed URL.
 */
export function agentUploadRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();
  const admit = uploadAdmission(deps.db, deps.config.maxUnattachedBytes);
  app.post('/', async (c) =>
    c.json(await receiveUpload(deps, c, admit, c.get('workspace').id, { agentId: c.get('agent').id }), 201),
  );
  return app;
}
