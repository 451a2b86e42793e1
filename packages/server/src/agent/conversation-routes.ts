import { ConversationStatus } from '@helpline/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import {
  type ConversationRow,
  findConversation,
  sharesPage,
  toConversations,
} from '../conversations/conversation-store.js';
import { notFound } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import { insertMessage, threadMessages, toMessage } from '../messages/message-store.js';
import { livePageOf, visitorById, visitorSummary } from '../visitors/visitor-store.js';
import type { AgentEnv } from './agent-env.js';
import { readAgentReply, replyAttachments } from './agent-reply.js';
import { publishAssignee, readAssignee } from './assignee.js';

const Typing = z.object({ typing: z.boolean() });
const StatusChange = z.object({ status: ConversationStatus });

/** The agent side of a conversation: read (marks it read), reply, typing, status, assignee. */
export function agentConversationRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();

  async function load(workspaceId: string, id: string): Promise<ConversationRow> {
    const row = await findConversation(deps.db, workspaceId, id);
    if (!row) throw notFound('Conversation');
    return row;
  }

  app.get('/:id', async (c) => {
    const workspace = c.get('workspace');
    const row = await load(workspace.id, c.req.param('id'));
    const at = new Date();
    await deps.db.query('update conversations set agent_last_read_at = $3 where workspace_id = $1 and id = $2', [
      workspace.id,
      row.id,
      at,
    ]);
    await deps.hub.publish(deps.db, {
      workspaceId: workspace.id,
      visitorPk: row.visitor_pk,
      audience: 'visitor',
      payload: { type: 'read', conversationId: row.id, reader: 'agent', at: at.toISOString() },
    });
    const link = attachmentLinker(deps, c);
    const [conversation] = await toConversations(deps.db, [{ ...row, agent_last_read_at: at }], link);
    const visitor = await visitorById(deps.db, workspace.id, row.visitor_pk);
    const visitorPage = sharesPage(row) ? await livePageOf(deps.db, workspace.id, row.visitor_pk) : undefined;
    return c.json({
      conversation,
      messages: await threadMessages(deps.db, workspace.id, { conversationId: row.id }, link),
      context: row.context,
      visitor: visitor ? visitorSummary(visitor) : null,
      ...(visitorPage ? { visitorPage } : {}),
      // Messages sent before it are seen: the inbox shows "Seen" under the agent's last one.
      ...(row.visitor_last_read_at ? { visitorLastReadAt: new Date(row.visitor_last_read_at).toISOString() } : {}),
    });
  });

  app.post('/:id/messages', async (c) => {
    const workspace = c.get('workspace');
    const agent = c.get('agent');
    const row = await load(workspace.id, c.req.param('id'));
    const { body, attachmentIds } = await readAgentReply(c);
    const inserted = await deps.db.transaction(async (tx) => {
      const result = await insertMessage(tx, {
        workspaceId: workspace.id,
        thread: { conversationId: row.id },
        author: { type: 'agent', id: agent.id, name: agent.name },
        body,
        attachments: await replyAttachments(tx, deps, c, attachmentIds),
      });
      const [owner] = await tx.query<{ assignee_id: string; assignee_name: string | null }>(
        // The first agent to answer owns the conversation (the widget shows who is helping).
        `update conversations set updated_at = now(), agent_last_read_at = now(), first_responded_at = coalesce(first_responded_at, now()),
           assignee_id = coalesce(assignee_id, $3), assignee_name = coalesce(assignee_name, $4)
         where workspace_id = $1 and id = $2 returning assignee_id, assignee_name`,
        [workspace.id, row.id, agent.id, agent.name],
      );
      return { ...result, owner };
    });
    const message = toMessage(inserted.row, attachmentLinker(deps, c));
    await deps.hub.publish(deps.db, {
      workspaceId: workspace.id,
      visitorPk: row.visitor_pk,
      audience: 'all',
      payload: { type: 'message', message },
    });
    // What the update left, not this agent: a colleague answering at the same moment may have taken it first.
    if (!row.assignee_id && inserted.owner)
      await publishAssignee(deps, {
        workspaceId: workspace.id,
        visitorPk: row.visitor_pk,
        kind: 'conversation',
        id: row.id,
        assignee: { id: inserted.owner.assignee_id, name: inserted.owner.assignee_name },
        by: agent,
      });
    return c.json(message, 201);
  });

  app.post('/:id/typing', async (c) => {
    const workspace = c.get('workspace');
    const agent = c.get('agent');
    const row = await load(workspace.id, c.req.param('id'));
    const { typing } = await readJson(c, Typing, 'Typing');
    await deps.hub.publishEphemeral({
      workspaceId: workspace.id,
      visitorPk: row.visitor_pk,
      // The other agents too: the inbox shows a colleague writing a reply, so two do not answer at once.
      audience: 'all',
      payload: {
        type: 'typing',
        conversationId: row.id,
        author: { type: 'agent', id: agent.id, name: agent.name },
        typing,
      },
    });
    return c.body(null, 204);
  });

  app.post('/:id/status', async (c) => {
    const workspace = c.get('workspace');
    const row = await load(workspace.id, c.req.param('id'));
    const { status } = await readJson(c, StatusChange, 'Status');
    await deps.db.query(
      'update conversations set status = $3, updated_at = now() where workspace_id = $1 and id = $2',
      [workspace.id, row.id, status],
    );
    await deps.hub.publish(deps.db, {
      workspaceId: workspace.id,
      visitorPk: row.visitor_pk,
      audience: 'all',
      payload: { type: 'status', conversationId: row.id, status },
    });
    return c.body(null, 204);
  });
  // Who owns the conversation (the first agent to answer takes it unless someone was assigned):
  // an agent of the workspace, or null for nobody.
  app.put('/:id/assignee', async (c) => {
    const workspace = c.get('workspace');
    const row = await load(workspace.id, c.req.param('id'));
    const assignee = await readAssignee(deps, c);
    await deps.db.query(
      'update conversations set assignee_id = $3, assignee_name = $4 where workspace_id = $1 and id = $2',
      [workspace.id, row.id, assignee?.id ?? null, assignee?.name ?? null],
    );
    if ((assignee?.id ?? null) !== row.assignee_id)
      await publishAssignee(deps, {
        workspaceId: workspace.id,
        visitorPk: row.visitor_pk,
        kind: 'conversation',
        id: row.id,
        assignee,
        by: c.get('agent'),
      });
    const [conversation] = await toConversations(
      deps.db,
      [{ ...row, assignee_id: assignee?.id ?? null, assignee_name: assignee?.name ?? null }],
      attachmentLinker(deps, c),
    );
    return c.json(conversation);
  });
  return app;
}
