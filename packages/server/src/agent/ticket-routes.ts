import { Category, Severity, TicketStatus } from '@helpline/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { ApiError, notFound } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import { insertMessage, threadMessages, toMessage } from '../messages/message-store.js';
import { ticketDueAt } from '../tickets/sla.js';
import { findTicket, recordHistory, type TicketRow, ticketAssignee, toTicket } from '../tickets/ticket-store.js';
import { trustedAccount, visitorById, visitorSummary } from '../visitors/visitor-store.js';
import type { AgentEnv } from './agent-env.js';
import { readAgentReply, replyAttachments } from './agent-reply.js';
import { publishAssignee, readAssignee } from './assignee.js';

const TicketPatch = z.object({
  status: z.optional(TicketStatus),
  severity: z.optional(Severity),
  category: z.optional(Category),
});

/** The agent side of a ticket: thread with history, field changes, replies. */
export function agentTicketRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();

  async function load(workspaceId: string, id: string): Promise<TicketRow> {
    const row = await findTicket(deps.db, workspaceId, id);
    if (!row) throw notFound('Ticket');
    return row;
  }

  async function publishTicket(
    workspaceId: string,
    id: string,
    link: ReturnType<typeof attachmentLinker>,
  ): Promise<void> {
    const row = await load(workspaceId, id);
    await deps.hub.publish(deps.db, {
      workspaceId,
      visitorPk: row.visitor_pk,
      audience: 'all',
      payload: { type: 'ticket', ticket: toTicket(row, link) },
    });
  }

  app.get('/:id', async (c) => {
    const workspace = c.get('workspace');
    const row = await load(workspace.id, c.req.param('id'));
    const link = attachmentLinker(deps, c);
    const visitor = await visitorById(deps.db, workspace.id, row.visitor_pk);
    const history = await deps.db.query<{
      at: Date;
      field: string;
      from_value: string | null;
      to_value: string | null;
      by_name: string;
    }>(
      'select at, field, from_value, to_value, by_name from ticket_history where workspace_id = $1 and ticket_id = $2 order by id',
      [workspace.id, row.id],
    );
    return c.json({
      ticket: toTicket(row, link),
      queue: row.queue,
      ...ticketAssignee(row),
      messages: await threadMessages(deps.db, workspace.id, { ticketId: row.id }, link),
      context: row.context,
      visitor: visitor ? visitorSummary(visitor) : null,
      history: history.map((entry) => ({
        at: new Date(entry.at).toISOString(),
        field: entry.field,
        from: entry.from_value,
        to: entry.to_value,
        by: entry.by_name,
      })),
    });
  });

  app.patch('/:id', async (c) => {
    const workspace = c.get('workspace');
    const agent = c.get('agent');
    const row = await load(workspace.id, c.req.param('id'));
    const patch = await readJson(c, TicketPatch, 'Ticket change');
    if (!patch.status && !patch.severity && !patch.category)
      throw new ApiError(400, 'invalid_input', 'Ticket change: nothing to change', 'status');
    const visitor = await visitorById(deps.db, workspace.id, row.visitor_pk);
    const { plan } = trustedAccount(visitor);
    await deps.db.transaction(async (tx) => {
      for (const field of ['status', 'severity', 'category'] as const) {
        const value = patch[field];
        if (value === undefined || value === row[field]) continue;
        await recordHistory(tx, {
          workspaceId: workspace.id,
          ticketId: row.id,
          field,
          from: row[field],
          to: value,
          by: agent.name,
        });
      }
      // A new severity moves the first-response target, counted from creation.
      const dueAt =
        patch.severity && patch.severity !== row.severity
          ? ticketDueAt(new Date(row.created_at), patch.severity, workspace.settings, plan)
          : null;
      await tx.query(
        `update tickets set status = coalesce($3, status), severity = coalesce($4, severity), category = coalesce($5, category),
           first_response_due_at = coalesce($6, first_response_due_at), updated_at = now()
         where workspace_id = $1 and id = $2`,
        [workspace.id, row.id, patch.status ?? null, patch.severity ?? null, patch.category ?? null, dueAt],
      );
    });
    const link = attachmentLinker(deps, c);
    await publishTicket(workspace.id, row.id, link);
    const updated = await load(workspace.id, row.id);
    return c.json(toTicket(updated, link));
  });

  app.post('/:id/replies', async (c) => {
    const workspace = c.get('workspace');
    const agent = c.get('agent');
    const row = await load(workspace.id, c.req.param('id'));
    const { body, attachmentIds } = await readAgentReply(c);
    const inserted = await deps.db.transaction(async (tx) => {
      const result = await insertMessage(tx, {
        workspaceId: workspace.id,
        thread: { ticketId: row.id },
        author: { type: 'agent', id: agent.id, name: agent.name },
        body,
        attachments: await replyAttachments(tx, deps, c, attachmentIds),
      });
      await tx.query(
        `update tickets set first_responded_at = coalesce(first_responded_at, now()), updated_at = now(),
           status = case when status = 'new' then 'open' else status end
         where workspace_id = $1 and id = $2`,
        [workspace.id, row.id],
      );
      if (row.status === 'new')
        await recordHistory(tx, {
          workspaceId: workspace.id,
          ticketId: row.id,
          field: 'status',
          from: 'new',
          to: 'open',
          by: agent.name,
        });
      return result;
    });
    const link = attachmentLinker(deps, c);
    const message = toMessage(inserted.row, link);
    await deps.hub.publish(deps.db, {
      workspaceId: workspace.id,
      visitorPk: row.visitor_pk,
      audience: 'all',
      payload: { type: 'message', message },
    });
    await publishTicket(workspace.id, row.id, link);
    return c.json(message, 201);
  });

  // Who works the ticket: an agent of the workspace, or null for nobody. The change lands in the history.
  app.put('/:id/assignee', async (c) => {
    const workspace = c.get('workspace');
    const row = await load(workspace.id, c.req.param('id'));
    const assignee = await readAssignee(deps, c);
    const link = attachmentLinker(deps, c);
    if ((assignee?.id ?? null) !== row.assignee_id) {
      await deps.db.transaction(async (tx) => {
        await tx.query(
          'update tickets set assignee_id = $3, assignee_name = $4, updated_at = now() where workspace_id = $1 and id = $2',
          [workspace.id, row.id, assignee?.id ?? null, assignee?.name ?? null],
        );
        await recordHistory(tx, {
          workspaceId: workspace.id,
          ticketId: row.id,
          field: 'assignee',
          from: row.assignee_name,
          to: assignee?.name ?? null,
          by: c.get('agent').name,
        });
      });
      // Other agents' queues show the owner: the ticket event makes them reload (and re-read the history).
      await publishTicket(workspace.id, row.id, link);
      await publishAssignee(deps, {
        workspaceId: workspace.id,
        visitorPk: row.visitor_pk,
        kind: 'ticket',
        id: row.id,
        assignee,
        by: c.get('agent'),
      });
    }
    const updated = await load(workspace.id, row.id);
    return c.json({ ticket: toTicket(updated, link), ...ticketAssignee(updated) });
  });
  return app;
}
