import { ContextSnapshot, Csat, IdempotencyKey, NewMessage, type StartedConversation } from '@helpline/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import {
  CONVERSATION_COLUMNS,
  type ConversationRow,
  findConversation,
  insertConversation,
  subjectFrom,
  toConversations,
} from '../conversations/conversation-store.js';
import { ApiError, notFound } from '../http/api-error.js';
import { wholeNumberParam } from '../http/query-params.js';
import { readJson, readQuery } from '../http/read-body.js';
import { insertMessage, listMessages, toMessage } from '../messages/message-store.js';
import { redactContext, redactTyped } from '../privacy/typed-text.js';
import { sentAttachments } from './sent-attachments.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

const StartConversation = z.extend(NewMessage, { context: z.optional(ContextSnapshot) });
const Typing = z.object({ typing: z.boolean() });
const RateConversation = z.extend(Csat, { idempotencyKey: IdempotencyKey });
const PageQuery = z.object({
  before: z.optional(z.string()),
  limit: z.optional(wholeNumberParam(1, 100)),
});

function requireContent(input: { body: string; attachmentIds: string[] }): void {
  if (input.body.trim() === '' && input.attachmentIds.length === 0)
    throw new ApiError(400, 'invalid_input', 'body: must not be empty', 'body');
}

const conflict = (what: string): ApiError =>
  new ApiError(409, 'conflict', `idempotencyKey: already used for another ${what}`, 'idempotencyKey');

/** The visitor's conversations: list, start, page messages, reply, typing, read, end, CSAT. */
export function conversationRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.use('*', widgetAuth(deps, { session: true }));

  async function ownConversation(workspaceId: string, visitorPk: string, id: string): Promise<ConversationRow> {
    const row = await findConversation(deps.db, workspaceId, id);
    // Someone else's conversation is "not found", not "forbidden": ids must not be probeable.
    if (!row || row.visitor_pk !== visitorPk) throw notFound('Conversation');
    return row;
  }

  app.get('/', async (c) => {
    const rows = await deps.db.query<ConversationRow>(
      `select ${CONVERSATION_COLUMNS} from conversations where workspace_id = $1 and visitor_pk = $2 order by updated_at desc limit 100`,
      [c.get('workspace').id, c.get('visitor').id],
    );
    return c.json(await toConversations(deps.db, rows, attachmentLinker(deps, c)));
  });

  app.post('/', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const input = await readJson(c, StartConversation, 'New conversation');
    requireContent(input);
    const body = redactTyped(input.body);
    const attachments = await sentAttachments(deps, c, input.attachmentIds);
    const result = await deps.db.transaction(async (tx) => {
      const conversation = await insertConversation(tx, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        subject: subjectFrom(body || attachments[0]?.name || ''),
        context: redactContext(input.context),
        idempotencyKey: input.idempotencyKey,
      });
      if (conversation.row.visitor_pk !== visitor.id) throw conflict('conversation');
      const message = await insertMessage(tx, {
        workspaceId: workspace.id,
        thread: { conversationId: conversation.row.id },
        author: { type: 'user', id: visitor.id, name: visitor.name ?? undefined },
        body,
        attachments,
        idempotencyKey: input.idempotencyKey,
      });
      // The key already names a message elsewhere (this visitor's reply, or anyone's): never hand it back.
      if (message.row.conversation_id !== conversation.row.id) throw conflict('message');
      return { conversation, message };
    });
    const link = attachmentLinker(deps, c);
    const [conversation] = await toConversations(deps.db, [result.conversation.row], link);
    if (!conversation) throw new Error('conversation mapping failed');
    const started: StartedConversation = { conversation, message: toMessage(result.message.row, link) };
    if (result.conversation.created) {
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'agents',
        payload: { type: 'conversation', conversation },
      });
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'all',
        payload: { type: 'message', message: started.message },
      });
    }
    return c.json(started, result.conversation.created ? 201 : 200);
  });

  app.get('/:id/messages', async (c) => {
    const workspace = c.get('workspace');
    const row = await ownConversation(workspace.id, c.get('visitor').id, c.req.param('id'));
    const page = readQuery(c, PageQuery, 'Message page');
    const limit = page.limit ?? 30;
    return c.json(
      await listMessages(
        deps.db,
        workspace.id,
        { conversationId: row.id },
        page.before,
        limit,
        attachmentLinker(deps, c),
      ),
    );
  });

  app.post('/:id/messages', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const row = await ownConversation(workspace.id, visitor.id, c.req.param('id'));
    const input = await readJson(c, NewMessage, 'New message');
    requireContent(input);
    const attachments = await sentAttachments(deps, c, input.attachmentIds);
    const result = await insertMessage(
      deps.db,
      {
        workspaceId: workspace.id,
        thread: { conversationId: row.id },
        author: { type: 'user', id: visitor.id, name: visitor.name ?? undefined },
        body: redactTyped(input.body),
        attachments,
        idempotencyKey: input.idempotencyKey,
      },
      { bumpConversation: true },
    );
    if (result.row.conversation_id !== row.id) throw conflict('message');
    const message = toMessage(result.row, attachmentLinker(deps, c));
    if (result.created) {
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'all',
        payload: { type: 'message', message },
      });
      if (row.status === 'resolved') {
        await deps.hub.publish(deps.db, {
          workspaceId: workspace.id,
          visitorPk: visitor.id,
          audience: 'all',
          payload: { type: 'status', conversationId: row.id, status: 'open' },
        });
      }
    }
    return c.json(message, result.created ? 201 : 200);
  });

  app.post('/:id/typing', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const row = await ownConversation(workspace.id, visitor.id, c.req.param('id'));
    const { typing } = await readJson(c, Typing, 'Typing');
    await deps.hub.publishEphemeral({
      workspaceId: workspace.id,
      visitorPk: visitor.id,
      audience: 'agents',
      payload: { type: 'typing', conversationId: row.id, author: { type: 'user', id: visitor.id }, typing },
    });
    return c.body(null, 204);
  });

  app.post('/:id/read', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const row = await ownConversation(workspace.id, visitor.id, c.req.param('id'));
    const at = new Date();
    await deps.db.query('update conversations set visitor_last_read_at = $3 where workspace_id = $1 and id = $2', [
      workspace.id,
      row.id,
      at,
    ]);
    await deps.hub.publish(deps.db, {
      workspaceId: workspace.id,
      visitorPk: visitor.id,
      audience: 'agents',
      payload: { type: 'read', conversationId: row.id, reader: 'user', at: at.toISOString() },
    });
    return c.body(null, 204);
  });

  // The visitor ends the conversation ("End chat"): resolved as if an agent had, said to agents as
  // the visitor's doing. Ending one already resolved changes nothing (a retry after a lost answer).
  app.post('/:id/resolve', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const row = await ownConversation(workspace.id, visitor.id, c.req.param('id'));
    const [ended] = await deps.db.query<ConversationRow>(
      `update conversations set status = 'resolved', updated_at = now()
       where workspace_id = $1 and id = $2 and status <> 'resolved' returning ${CONVERSATION_COLUMNS}`,
      [workspace.id, row.id],
    );
    if (ended)
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'all',
        payload: { type: 'status', conversationId: row.id, status: 'resolved', by: 'user' },
      });
    const [conversation] = await toConversations(deps.db, [ended ?? row], attachmentLinker(deps, c));
    return c.json(conversation);
  });

  app.post('/:id/csat', async (c) => {
    const workspace = c.get('workspace');
    const row = await ownConversation(workspace.id, c.get('visitor').id, c.req.param('id'));
    const input = await readJson(c, RateConversation, 'Rating');
    // A retried rating (same key) changes nothing; a new key is the visitor changing their mind.
    await deps.db.query(
      `update conversations set csat_score = $3, csat_comment = $4, csat_key = $5, csat_at = now()
       where workspace_id = $1 and id = $2 and csat_key is distinct from $5`,
      [
        workspace.id,
        row.id,
        input.score,
        input.comment === undefined ? null : redactTyped(input.comment),
        input.idempotencyKey,
      ],
    );
    return c.body(null, 204);
  });
  return app;
}
