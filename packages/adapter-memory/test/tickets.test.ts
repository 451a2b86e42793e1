import type { RealtimeEvent, TicketInput } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { connected, key } from './connected.js';

// Monday 30 November 2026, 16:00 UTC; the team works 09–17 UTC on weekdays.
const monday4pm = new Date('2026-11-30T16:00:00Z');
const businessHours = {
  timezone: 'UTC',
  days: {
    '1': [['09:00', '17:00']],
    '2': [['09:00', '17:00']],
    '3': [['09:00', '17:00']],
    '4': [['09:00', '17:00']],
    '5': [['09:00', '17:00']],
  },
} satisfies { timezone: string; days: Record<string, [string, string][]> };

const ticket = (overrides: Partial<TicketInput> = {}) =>
  ({
    subject: 'Cannot download invoice PDF',
    description: 'The download button spins forever.',
    severity: 'P2',
    category: 'bug',
    fields: { area: 'invoices' },
    attachmentIds: [],
    idempotencyKey: key(),
    ...overrides,
  }) satisfies TicketInput;

describe('ticket form', () => {
  it('offers the affected area for every ticket and the invoice number only for billing', async () => {
    const adapter = await connected();
    const form = await adapter.getTicketForm();
    expect(form.fields.map((f) => [f.id, f.label, f.required, f.categories])).toEqual([
      ['area', 'Affected area', true, undefined],
      ['invoice_number', 'Invoice number', false, ['billing_access']],
    ]);
  });
});

describe('creating tickets', () => {
  it('computes the first-response due time from severity and business hours', async () => {
    const adapter = await connected({ businessHours, now: () => monday4pm });
    const p0 = await adapter.createTicket(ticket({ severity: 'P0' }));
    const p2 = await adapter.createTicket(ticket({ severity: 'P2' }));
    expect(p0.firstResponseDueAt).toBe('2026-11-30T16:15:00.000Z');
    // 4 business hours: one on Monday, three on Tuesday morning.
    expect(p2.firstResponseDueAt).toBe('2026-12-01T12:00:00.000Z');
  });

  it('runs the clock around the clock for enterprise plans', async () => {
    const adapter = await connected(
      { businessHours, now: () => monday4pm },
      { visitorId: 'visitor-ent1', account: { plan: 'Enterprise' } },
    );
    const p2 = await adapter.createTicket(ticket({ severity: 'P2' }));
    expect(p2.firstResponseDueAt).toBe('2026-11-30T20:00:00.000Z');
  });

  it('derives priority from severity and plan', async () => {
    const starter = await connected();
    expect((await starter.createTicket(ticket({ severity: 'P0' }))).priority).toBe('urgent');
    expect((await starter.createTicket(ticket({ severity: 'P3' }))).priority).toBe('low');
    const business = await connected({}, { visitorId: 'visitor-biz1', account: { plan: 'business' } });
    expect((await business.createTicket(ticket({ severity: 'P3' }))).priority).toBe('normal');
  });

  it('numbers tickets and keeps the context for the agent', async () => {
    const adapter = await connected();
    const created = await adapter.createTicket({
      ...ticket(),
      context: {
        capturedAt: '2026-11-29T10:00:00.000Z',
        page: { url: 'https://app.example.com/x', path: '/x', title: 'X' },
        routeTrail: [],
        breadcrumbs: [],
        selfService: [],
        custom: {},
      },
    });
    expect(created.reference).toBe('HL-1001');
    expect(created.status).toBe('new');
    expect(adapter.agent.lastContext(created.id)?.page.path).toBe('/x');
  });

  it('stores a retried ticket once', async () => {
    const adapter = await connected();
    const input = ticket();
    const first = await adapter.createTicket(input);
    expect(await adapter.createTicket(input)).toEqual(first);
    expect(await adapter.listTickets()).toHaveLength(1);
  });

  it('refuses a missing required field, a wrong select value and an unknown field, naming each', async () => {
    const adapter = await connected();
    await expect(adapter.createTicket(ticket({ fields: {} }))).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'fields.area',
    });
    await expect(adapter.createTicket(ticket({ fields: { area: 'kitchen' } }))).rejects.toThrow(
      /fields\.area: expected one of "invoices"/,
    );
    await expect(adapter.createTicket(ticket({ fields: { area: 'invoices', colour: 'red' } }))).rejects.toMatchObject({
      field: 'fields.colour',
    });
  });

  it('takes the invoice number on billing tickets', async () => {
    const adapter = await connected();
    const created = await adapter.createTicket(
      ticket({ category: 'billing_access', fields: { area: 'payments', invoice_number: 'INV-2041' } }),
    );
    expect(created.fields).toEqual({ area: 'payments', invoice_number: 'INV-2041' });
  });

  it('refuses a short subject and an unknown severity', async () => {
    const adapter = await connected();
    await expect(adapter.createTicket(ticket({ subject: 'x' }))).rejects.toMatchObject({ field: 'subject' });
    await expect(adapter.createTicket(ticket({ severity: 'P9' as never }))).rejects.toMatchObject({
      field: 'severity',
    });
  });
});

describe('ticket threads', () => {
  it('lists newest first and returns the thread with agent replies', async () => {
    const adapter = await connected();
    const first = await adapter.createTicket(ticket({ subject: 'First one' }));
    const second = await adapter.createTicket(ticket({ subject: 'Second one' }));
    expect((await adapter.listTickets()).map((t) => t.id).sort()).toEqual([first.id, second.id].sort());
    const reply = await adapter.agent.replyToTicket(first.id, 'Looking into it');
    const thread = await adapter.getTicket(first.id);
    expect(thread.messages.map((m) => m.id)).toEqual([reply.id]);
    expect(thread.ticket.status).toBe('pending');
    expect(thread.ticket.firstRespondedAt).toBe(reply.createdAt);
  });

  it('reopens a pending ticket when the customer replies, recording the status history', async () => {
    const adapter = await connected();
    const created = await adapter.createTicket(ticket());
    await adapter.agent.replyToTicket(created.id, 'Can you send a screenshot?');
    await adapter.replyToTicket(created.id, { body: 'Here it is', attachmentIds: [], idempotencyKey: key() });
    expect((await adapter.getTicket(created.id)).ticket.status).toBe('open');
    expect(adapter.agent.tickets()[0]?.history.map((h) => h.status)).toEqual(['new', 'pending', 'open']);
  });

  it('pushes status changes to subscribers', async () => {
    const adapter = await connected();
    const created = await adapter.createTicket(ticket());
    const event = new Promise<RealtimeEvent>((resolve) => adapter.subscribe(resolve));
    await adapter.agent.setTicketStatus(created.id, 'solved');
    expect(await event).toMatchObject({ type: 'ticket', ticket: { id: created.id, status: 'solved' } });
  });

  it('answers an unknown or foreign ticket with not_found', async () => {
    const adapter = await connected();
    const created = await adapter.createTicket(ticket());
    await expect(adapter.getTicket('tkt_nope')).rejects.toMatchObject({ code: 'not_found' });
    await adapter.connect({ visitorId: 'another-visitor' });
    await expect(adapter.getTicket(created.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
