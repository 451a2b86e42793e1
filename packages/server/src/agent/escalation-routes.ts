import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { findConversation } from '../conversations/conversation-store.js';
import { conversationPayload, ticketPayload } from '../escalation/escalate.js';
import type { EscalationPayload } from '../escalation/payload.js';
import { ApiError, notFound } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import { findTicket, recordHistory } from '../tickets/ticket-store.js';
import type { AgentEnv } from './agent-env.js';

const EscalateInput = z.object({ note: z.optional(z.string().check(z.maxLength(4000))) });

interface DeliveryRow {
  id: string | number;
  endpoint_id: string;
  payload_id: string;
  event: EscalationPayload['type'];
  source_kind: 'ticket' | 'conversation';
  source_id: string;
  source_reference: string | null;
  attempt: number;
  status: number;
  ok: boolean;
  error: string | null;
  at: Date;
}

/** Escalation to engineering (webhooks in the background) and the delivery log. */
export function escalationRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();

  function requireSubscribers(): void {
    if (deps.webhooks.subscribers('escalation').length === 0)
      throw new ApiError(
        409,
        'conflict',
        'No webhook endpoint subscribes to escalation: add one to the server config (webhooks)',
      );
  }

  // An empty body is no note.
  async function readNote(c: Parameters<typeof readJson>[0]): Promise<string | undefined> {
    const { note } = await readJson(c, EscalateInput, 'Escalation');
    return note?.trim() || undefined;
  }

  app.post('/tickets/:id/escalate', async (c) => {
    const workspace = c.get('workspace');
    const agent = c.get('agent');
    const row = await findTicket(deps.db, workspace.id, c.req.param('id'));
    if (!row) throw notFound('Ticket');
    const note = await readNote(c);
    requireSubscribers();
    const payload = await ticketPayload(deps, c, row, {
      type: 'escalation',
      workspace,
      note,
      escalatedBy: { id: agent.id, name: agent.name },
    });
    await recordHistory(deps.db, {
      workspaceId: workspace.id,
      ticketId: row.id,
      field: 'escalation',
      from: null,
      to: note ?? null,
      by: agent.name,
    });
    return c.json({ escalationId: payload.id, endpoints: deps.webhooks.dispatch(workspace.id, payload) }, 202);
  });

  app.post('/conversations/:id/escalate', async (c) => {
    const workspace = c.get('workspace');
    const agent = c.get('agent');
    const row = await findConversation(deps.db, workspace.id, c.req.param('id'));
    if (!row) throw notFound('Conversation');
    const note = await readNote(c);
    requireSubscribers();
    const payload = await conversationPayload(deps, c, row, {
      type: 'escalation',
      workspace,
      note,
      escalatedBy: { id: agent.id, name: agent.name },
    });
    return c.json({ escalationId: payload.id, endpoints: deps.webhooks.dispatch(workspace.id, payload) }, 202);
  });

  app.get('/webhooks/deliveries', async (c) => {
    const rows = await deps.db.query<DeliveryRow>(
      `select id, endpoint_id, payload_id, event, source_kind, source_id, source_reference, attempt, status, ok, error, at
       from webhook_deliveries where workspace_id = $1 order by id desc limit 200`,
      [c.get('workspace').id],
    );
    return c.json({
      endpoints: deps.config.webhooks.map((endpoint) => ({
        id: endpoint.id,
        format: endpoint.format,
        events: endpoint.events,
        host: new URL(endpoint.url).host,
      })),
      deliveries: rows.map((row) => ({
        id: String(row.id),
        endpointId: row.endpoint_id,
        payloadId: row.payload_id,
        event: row.event,
        source: {
          kind: row.source_kind,
          id: row.source_id,
          ...(row.source_reference ? { reference: row.source_reference } : {}),
        },
        attempt: row.attempt,
        status: row.status,
        ok: row.ok,
        ...(row.error ? { error: row.error } : {}),
        at: new Date(row.at).toISOString(),
      })),
    });
  });
  return app;
}
