import { createAgent, createWorkspace, DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { AGENT_PASSWORD, DEMO_KEY, key, startTestServer, WidgetClient } from './test-server.js';

export const OTHER_KEY = 'security-other-key';
export const OTHER_EMAIL = 'agent@other.security.test';
export const OTHER_PASSWORD = 'other-password-1';
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

/** The objects of one workspace that routes take ids of, and the clients that own them. */
export interface Tenant {
  workspaceId: string;
  key: string;
  visitor: WidgetClient;
  visitorPk: string;
  agent: AgentClient;
  ids: { conversation: string; ticket: string; article: string; attachment: string; visitor: string };
  /** A signed download URL of the attachment. */
  attachmentUrl: string;
}

/**
 * Rate limits high enough that hundreds of hostile requests are judged on their content, not
 * throttled; a small body cap so the 413 cases stay cheap.
 */
export function startSecurityServer(): Promise<RunningServer> {
  return startTestServer({
    rateLimit: {
      visitor: { capacity: 100_000, refillPerSecond: 1000 },
      ip: { capacity: 100_000, refillPerSecond: 1000 },
    },
    maxBodyBytes: 64 * 1024,
    maxAttachmentBytes: 128 * 1024,
  });
}

async function populate(
  server: RunningServer,
  workspaceId: string,
  workspaceKey: string,
  agent: AgentClient,
): Promise<Tenant> {
  const visitor = new WidgetClient(server.url, workspaceKey);
  await visitor.session();
  const conversation = await visitor.call('POST', '/v1/conversations', {
    body: `secret of ${workspaceKey}`,
    attachmentIds: [],
    idempotencyKey: key(),
  });
  const upload = await visitor.call('POST', '/v1/attachments', PNG, {
    'Content-Type': 'image/png',
    'X-Filename': 'a.png',
  });
  const ticket = await visitor.call('POST', '/v1/tickets', {
    subject: `ticket of ${workspaceKey}`,
    description: 'private description',
    severity: 'P2',
    category: 'bug',
    fields: { affected_area: 'other' },
    attachmentIds: [upload.body.id],
    idempotencyKey: key(),
  });
  const articles = await agent.call('GET', '/kb/articles');
  const [visitorRow] = await server.db.query<{ id: string }>(
    'select visitor_pk as id from conversations where workspace_id = $1 and id = $2',
    [workspaceId, conversation.body.conversation?.id ?? ''],
  );
  if (conversation.status !== 201 || ticket.status !== 201 || upload.status !== 201 || !visitorRow || !articles.body[0])
    throw new Error(
      `populating ${workspaceKey} failed: ${JSON.stringify([conversation.body, ticket.body, upload.body])}`,
    );
  return {
    workspaceId,
    key: workspaceKey,
    visitor,
    visitorPk: visitorRow.id,
    agent,
    ids: {
      conversation: conversation.body.conversation.id,
      ticket: ticket.body.id,
      article: articles.body[0].id,
      attachment: upload.body.id,
      visitor: visitorRow.id,
    },
    attachmentUrl: upload.body.url,
  };
}

/** Two workspaces on one server: A is the demo workspace, B a second tenant with its own agent and article. */
export async function twoTenants(server: RunningServer): Promise<{ a: Tenant; b: Tenant }> {
  const other = await createWorkspace(server.db, {
    name: 'Other Co',
    publicKey: OTHER_KEY,
    settings: {
      ticketFields: [{ id: 'affected_area', label: 'Area', type: 'text', required: false }],
    } as never,
  });
  await createAgent(server.db, { workspaceId: other.id, email: OTHER_EMAIL, name: 'Olu', password: OTHER_PASSWORD });
  const agentA = new AgentClient(server.url);
  await agentA.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
  const agentB = new AgentClient(server.url);
  await agentB.login(OTHER_EMAIL, OTHER_PASSWORD);
  const created = await agentB.call('POST', '/kb/articles', {
    title: 'Other workspace secret article',
    slug: 'other-secret',
    markdown: 'Only for Other Co.',
  });
  if (created.status !== 201) throw new Error(`article: ${JSON.stringify(created.body)}`);
  const [demo] = await server.db.query<{ id: string }>('select id from workspaces where public_key = $1', [DEMO_KEY]);
  if (!demo) throw new Error('demo workspace missing');
  return {
    a: await populate(server, demo.id, DEMO_KEY, agentA),
    b: await populate(server, other.id, OTHER_KEY, agentB),
  };
}

/** Every table with a workspace_id column, read for one workspace: the tenant's whole footprint. */
export async function workspaceRows(server: RunningServer, workspaceId: string): Promise<Record<string, unknown[]>> {
  const tables = await server.db.query<{ table_name: string }>(
    `select table_name from information_schema.columns where column_name = 'workspace_id' and table_schema = 'public' order by table_name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    out[table_name] = await server.db.query(`select * from "${table_name}" where workspace_id = $1 order by 1`, [
      workspaceId,
    ]);
  }
  const [workspace] = await server.db.query('select * from workspaces where id = $1', [workspaceId]);
  out.workspaces = [workspace];
  return out;
}
