import { createAgent, createWorkspace, type RunningServer } from '../src/index.js';

/**
 * Two more agents for assignment tests: Noor in the demo workspace (may be assigned) and Olu in
 * another workspace (never may). `tag` keeps emails and the workspace key apart between test files.
 */
export async function addAssignableAgents(
  server: RunningServer,
  tag: string,
): Promise<{ noorId: string; noorEmail: string; outsiderId: string }> {
  const [demo] = await server.db.query<{ workspace_id: string }>('select workspace_id from agents limit 1');
  const noorEmail = `noor@${tag}.test`;
  const noor = await createAgent(server.db, {
    workspaceId: demo?.workspace_id ?? '',
    email: noorEmail,
    name: 'Noor',
    password: 'noor-password-1',
  });
  const other = await createWorkspace(server.db, { name: 'Other Co', publicKey: `${tag}-other-key` });
  const outsider = await createAgent(server.db, {
    workspaceId: other.id,
    email: `olu@${tag}.test`,
    name: 'Olu',
    password: 'olu-password-1',
  });
  return { noorId: noor.id, noorEmail, outsiderId: outsider.id };
}
