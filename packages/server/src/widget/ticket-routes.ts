import { randomUUID } from 'node:crypto';
import { ContextSnapshot, NewMessage, type TicketForm, TicketInput, type TicketThread } from '@helpline/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { markAttached } from '../attachments/attachment-store.js';
import { ACCEPTED_TYPES } from '../attachments/sniff.js';
import { retryOnConflict } from '../db/retry-on-conflict.js';
import { ticketPayload } from '../escalation/escalate.js';
import { ApiError, notFound } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import { insertMessage, threadMessages, toMessage } from '../messages/message-store.js';
import { redactContext, redactFields, redactTyped } from '../privacy/typed-text.js';
import { applyRouting } from '../routing/rules.js';
import { ticketPriority } from '../tickets/priority.js';
import { firstResponseTargets, ticketDueAt } from '../tickets/sla.js';
import {
  findTicket,
  recordHistory,
  TICKET_COLUMNS,
  type TicketRow,
  toTicket,
  UNREAD_COLUMN,
} from '../tickets/ticket-store.js';
import { validateTicketFields } from '../tickets/validate-fields.js';
import { trustedAccount } from '../visitors/visitor-store.js';
import { sentAttachments } from './sent-attachments.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

const CreateTicket = z.extend(TicketInput, { context: z.optional(ContextSnapshot) });

/** Tickets for the widget: form schema, create (SLA, priority, custom fields), list, thread, reply. */
export function ticketRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.use('*', widgetAuth(deps, { session: true }));

  async function ownTicket(workspaceId: string, visitorPk: string, id: string): Promise<TicketRow> {
    const row = await findTicket(deps.db, workspaceId, id);
    if (!row || row.visitor_pk !== visitorPk) throw notFound('Ticket');
    return row;
  }

  app.get('/form', (c) => {
    const settings = c.get('workspace').settings;
    const form: TicketForm = {
      fields: settings.ticketFields,
      categories: ['outage', 'billing_access', 'how_to', 'bug', 'feature_request'],
      severities: ['P0', 'P1', 'P2', 'P3'],
      firstResponseMinutes: firstResponseTargets(settings),
      attachments: { maxBytes: deps.config.maxAttachmentBytes, types: [...ACCEPTED_TYPES] },
    };
    return c.json(form);
  });

  app.get('/', async (c) => {
    const rows = await deps.db.query<TicketRow>(
      `select ${TICKET_COLUMNS}, ${UNREAD_COLUMN} from tickets t where workspace_id = $1 and visitor_pk = $2 order by created_at desc limit 100`,
      [c.get('workspace').id, c.get('visitor').id],
    );
    const link = attachmentLinker(deps, c);
    return c.json(rows.map((row) => toTicket(row, link)));
  });

  app.post('/', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const input = await readJson(c, CreateTicket, 'New ticket');
    const fields = redactFields(validateTicketFields(workspace.settings.ticketFields, input.category, input.fields));
    const context = redactContext(input.context);
    const attachments = await sentAttachments(deps, c, input.attachmentIds);
    const { plan, seats, custom } = trustedAccount(visitor);
    const routed = applyRouting(
      deps.config.routing,
      {
        category: input.category,
        severity: input.severity,
        plan,
        seats,
        account: custom,
        path: context?.page.path,
      },
      ticketPriority(input.severity, plan, workspace.settings.priorityPlans),
    );
    const createdAt = new Date();
    const result = await retryOnConflict(() =>
      deps.db.transaction(async (tx) => {
        const [existing] = await tx.query<TicketRow>(
          `select ${TICKET_COLUMNS} from tickets where workspace_id = $1 and idempotency_key = $2`,
          [workspace.id, input.idempotencyKey],
        );
        if (existing) return { row: existing, created: false };
        const [next] = await tx.query<{ number: number }>(
          'select coalesce(max(number), 1000) + 1 as number from tickets where workspace_id = $1',
          [workspace.id],
        );
        const [row] = await tx.query<TicketRow>(
          `insert into tickets (id, workspace_id, visitor_pk, number, subject, description, severity, category, priority, fields, attachments,
           context, idempotency_key, first_response_due_at, created_at, updated_at, queue)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14, $15, $15, $16)
         returning ${TICKET_COLUMNS}`,
          [
            randomUUID(),
            workspace.id,
            visitor.id,
            Number(next?.number ?? 1001),
            redactTyped(input.subject),
            redactTyped(input.description),
            input.severity,
            input.category,
            routed.priority,
            fields,
            attachments,
            context,
            input.idempotencyKey,
            ticketDueAt(createdAt, input.severity, workspace.settings, plan),
            createdAt,
            routed.queue,
          ],
        );
        if (!row) throw new Error('ticket insert returned nothing');
        await markAttached(tx, workspace.id, attachments);
        await recordHistory(tx, {
          workspaceId: workspace.id,
          ticketId: row.id,
          field: 'status',
          from: null,
          to: 'new',
          by: visitor.name ?? 'visitor',
        });
        return { row, created: true };
      }),
    );
    if (result.row.visitor_pk !== visitor.id)
      throw new ApiError(409, 'conflict', 'idempotencyKey: already used for another ticket', 'idempotencyKey');
    const ticket = toTicket(result.row, attachmentLinker(deps, c));
    if (result.created) {
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'all',
        payload: { type: 'ticket', ticket },
      });
      // An outage pages engineering at once; delivery runs in the background.
      // The ticket is stored whatever happens here: a failing notification must not fail the customer.
      if (result.row.severity === 'P0' && deps.webhooks.subscribers('p0_ticket').length > 0)
        await ticketPayload(deps, c, result.row, { type: 'p0_ticket', workspace }).then(
          (payload) => deps.webhooks.dispatch(workspace.id, payload),
          (error: unknown) => console.error(`P0 notification for ticket ${result.row.id} not sent:`, error),
        );
    }
    return c.json(ticket, result.created ? 201 : 200);
  });

  app.get('/:id', async (c) => {
    const workspace = c.get('workspace');
    const row = await ownTicket(workspace.id, c.get('visitor').id, c.req.param('id'));
    const link = attachmentLinker(deps, c);
    const [unread] = await deps.db.query<Pick<TicketRow, 'unread_count'>>(
      `select ${UNREAD_COLUMN} from tickets t where t.workspace_id = $1 and t.id = $2`,
      [workspace.id, row.id],
    );
    const thread: TicketThread = {
      ticket: toTicket({ ...row, ...unread }, link),
      messages: await threadMessages(deps.db, workspace.id, { ticketId: row.id }, link),
    };
    return c.json(thread);
  });

  // The visitor marks the ticket solved ("Mark as solved"); a later reply opens it again. Solved or
  // closed already, it is answered as it is (a retry after a lost answer changes nothing).
  app.post('/:id/solve', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const row = await ownTicket(workspace.id, visitor.id, c.req.param('id'));
    const link = attachmentLinker(deps, c);
    const solved = await deps.db.transaction(async (tx) => {
      const [updated] = await tx.query<TicketRow>(
        `update tickets set status = 'solved', updated_at = now()
         where workspace_id = $1 and id = $2 and status in ('new', 'open', 'pending') returning ${TICKET_COLUMNS}`,
        [workspace.id, row.id],
      );
      if (updated)
        await recordHistory(tx, {
          workspaceId: workspace.id,
          ticketId: row.id,
          field: 'status',
          from: row.status,
          to: 'solved',
          by: visitor.name ?? 'visitor',
        });
      return updated;
    });
    const ticket = toTicket(solved ?? row, link);
    if (solved)
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'all',
        payload: { type: 'ticket', ticket },
      });
    return c.json(ticket);
  });

  // The visitor has read the ticket's replies: they no longer count as unread.
  app.post('/:id/read', async (c) => {
    const workspace = c.get('workspace');
    const row = await ownTicket(workspace.id, c.get('visitor').id, c.req.param('id'));
    await deps.db.query('update tickets set visitor_last_read_at = now() where workspace_id = $1 and id = $2', [
      workspace.id,
      row.id,
    ]);
    return c.body(null, 204);
  });

  app.post('/:id/replies', async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const row = await ownTicket(workspace.id, visitor.id, c.req.param('id'));
    const input = await readJson(c, NewMessage, 'Ticket reply');
    if (input.body.trim() === '' && input.attachmentIds.length === 0)
      throw new ApiError(400, 'invalid_input', 'body: must not be empty', 'body');
    const attachments = await sentAttachments(deps, c, input.attachmentIds);
    const result = await deps.db.transaction(async (tx) => {
      const inserted = await insertMessage(tx, {
        workspaceId: workspace.id,
        thread: { ticketId: row.id },
        author: { type: 'user', id: visitor.id, name: visitor.name ?? undefined },
        body: redactTyped(input.body),
        attachments,
        idempotencyKey: input.idempotencyKey,
      });
      if (inserted.row.ticket_id !== row.id)
        throw new ApiError(409, 'conflict', 'idempotencyKey: already used for another message', 'idempotencyKey');
      if (inserted.created && (row.status === 'pending' || row.status === 'solved')) {
        await tx.query("update tickets set status = 'open', updated_at = now() where workspace_id = $1 and id = $2", [
          workspace.id,
          row.id,
        ]);
        await recordHistory(tx, {
          workspaceId: workspace.id,
          ticketId: row.id,
          field: 'status',
          from: row.status,
          to: 'open',
          by: visitor.name ?? 'visitor',
        });
      } else if (inserted.created) {
        await tx.query('update tickets set updated_at = now() where workspace_id = $1 and id = $2', [
          workspace.id,
          row.id,
        ]);
      }
      return inserted;
    });
    const link = attachmentLinker(deps, c);
    const message = toMessage(result.row, link);
    if (result.created) {
      await deps.hub.publish(deps.db, {
        workspaceId: workspace.id,
        visitorPk: visitor.id,
        audience: 'all',
        payload: { type: 'message', message },
      });
      // Reopened: an agent with the ticket open sees its new status and history row at once.
      const reopened =
        (row.status === 'pending' || row.status === 'solved') && (await findTicket(deps.db, workspace.id, row.id));
      if (reopened)
        await deps.hub.publish(deps.db, {
          workspaceId: workspace.id,
          visitorPk: visitor.id,
          audience: 'all',
          payload: { type: 'ticket', ticket: toTicket(reopened, link) },
        });
    }
    return c.json(message, result.created ? 201 : 200);
  });
  return app;
}
