import { AdapterError, type ContextSnapshot, isValidationError } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { answeredAfterLogout, createTestBackend, lastContextOf, startClient } from './client-test-adapter.js';

const TICKET = {
  subject: 'Export fails',
  description: 'The CSV export spins forever',
  severity: 'P2',
  category: 'bug',
} as const;

describe('tickets', () => {
  it('validates custom fields against the backend form and names the field', async () => {
    const { client, backend } = startClient();
    const missing = await client.tickets.create({ ...TICKET, includeContext: true }).catch((error: unknown) => error);
    expect(isValidationError(missing)).toBe(true);
    expect(missing).toMatchObject({ field: 'fields.plan' });
    expect((missing as Error).message).toContain('fields.plan (Plan): is required');

    const wrongType = await client.tickets
      .create({ ...TICKET, fields: { plan: 'pro', seats: 'many' }, includeContext: true })
      .catch((error: unknown) => error);
    expect(wrongType).toMatchObject({ field: 'fields.seats' });
    expect((wrongType as Error).message).toContain('must be a number');

    const notAnOption = await client.tickets
      .create({ ...TICKET, fields: { plan: 'gold' }, includeContext: true })
      .catch((error: unknown) => error);
    expect((notAnOption as Error).message).toContain('fields.plan (Plan): must be one of "free" | "pro"');
    expect(backend.tickets).toEqual([]);
  });

  it('creates the ticket through the outbox with the context snapshot, and emits ticket:created', async () => {
    window.history.replaceState(null, '', '/invoices/42?token=secret123');
    const { client, backend } = startClient({
      user: { id: 'u1', email: 'ada@example.com' },
      account: { id: 'acme', plan: 'pro' },
    });
    const created: string[] = [];
    client.on('ticket:created', ({ ticket }) => created.push(ticket.subject));
    await client.track('clicked export', { format: 'csv' });
    const ticket = await client.tickets.create({ ...TICKET, fields: { plan: 'pro', seats: 3 }, includeContext: true });
    expect(ticket.subject).toBe('Export fails');
    expect(created).toEqual(['Export fails']);
    expect(client.tickets.list.value.tickets.map((t) => t.id)).toEqual([ticket.id]);
    const context = lastContextOf(backend) as ContextSnapshot;
    expect(context.page.path.startsWith('/invoices/42')).toBe(true);
    expect(context.page.path).not.toContain('secret123');
    expect(context.page.url).not.toContain('secret123');
    expect(context.user).toMatchObject({ id: 'u1' });
    expect(context.account).toMatchObject({ id: 'acme' });
    expect(context.breadcrumbs).toContainEqual(expect.objectContaining({ type: 'event', name: 'clicked export' }));
    expect(backend.analytics.map((event) => event.type)).toContain('ticket_created');
  });

  it('sends only who the user is when diagnostics are unticked', async () => {
    window.history.replaceState(null, '', '/billing');
    const { client, backend } = startClient({ user: { id: 'u1' }, account: { id: 'acme' } });
    await client.track('clicked pay');
    await client.tickets.create({ ...TICKET, fields: { plan: 'free' }, includeContext: false });
    const context = lastContextOf(backend) as ContextSnapshot;
    expect(context.user).toEqual({ id: 'u1' });
    expect(context.account).toEqual({ id: 'acme' });
    expect(context.breadcrumbs).toEqual([]);
    expect(context.routeTrail).toEqual([]);
    expect(context.page.path).toBe('');
  });

  it('lists tickets, opens one and replies through the outbox', async () => {
    const { client, backend } = startClient();
    const ticket = await client.tickets.create({ ...TICKET, fields: { plan: 'pro' }, includeContext: true });
    await client.tickets.load();
    expect(client.tickets.list.value.tickets).toHaveLength(1);
    const thread = await client.tickets.get(ticket.id);
    expect(thread.ticket.id).toBe(ticket.id);
    const reply = await client.tickets.reply(ticket.id, 'It happens on Firefox too');
    expect(reply.body).toBe('It happens on Firefox too');
    expect(backend.writes.map(([method]) => method)).toEqual(['createTicket', 'replyToTicket']);
  });

  it("keeps a ticket opened before a logout and answered after it out of the next visitor's list", async () => {
    const { client, backend } = startClient();
    const ticket = await client.tickets.create({ ...TICKET, fields: { plan: 'pro' }, includeContext: true });
    await answeredAfterLogout(client, backend, 'getTicket', () => client.tickets.get(ticket.id));
    expect(client.tickets.list.value.tickets).toEqual([]);
  });

  it('refuses tickets when the adapter cannot take them', async () => {
    const { client } = startClient({}, { backend: createTestBackend({ tickets: false }) });
    await expect(client.tickets.create({ ...TICKET, includeContext: true })).rejects.toMatchObject({
      code: 'unsupported',
      field: 'tickets',
    });
    await expect(client.newTicket()).rejects.toMatchObject({ code: 'unsupported' });
    expect(client.state.capabilities.value.ticketList).toBe(false);
  });

  it('keeps a ticket created offline and delivers it when back online', async () => {
    const backend = createTestBackend();
    const { client } = startClient({}, { backend });
    await client.tickets.form(); // cached while online
    backend.offline = true;
    const pending = client.tickets.create({ ...TICKET, fields: { plan: 'pro' }, includeContext: true });
    await vi.waitFor(() => expect(backend.tickets).toHaveLength(0));
    backend.offline = false;
    window.dispatchEvent(new Event('online'));
    const ticket = await pending;
    expect(backend.tickets.map((t) => t.id)).toEqual([ticket.id]);
  });
});

describe('attachments', () => {
  it('uploads a file within the form limits and tracks progress', async () => {
    const { client } = startClient();
    const file = new File(['hello'], 'note.txt', { type: 'text/plain' });
    const attachment = await client.attachments.upload(file);
    expect(attachment).toMatchObject({ name: 'note.txt', size: 5 });
    expect(client.attachments.uploads.value).toEqual([expect.objectContaining({ state: 'done', sent: 5, total: 5 })]);
    client.attachments.remove(attachment.id);
    expect(client.attachments.uploads.value).toEqual([]);
  });

  it('does not upload a file chosen before a logout, nor list it for the next visitor', async () => {
    const { client, backend } = startClient();
    const uploaded = vi.spyOn(backend, 'uploadAttachment');
    let refused: unknown;
    await answeredAfterLogout(client, backend, 'getTicketForm', async () => {
      refused = await client.attachments
        .upload(new File(['hello'], 'payslip.pdf', { type: 'text/plain' }))
        .catch((error: unknown) => error);
    });
    expect(refused).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('payslip.pdf') });
    expect(uploaded).not.toHaveBeenCalled();
    expect(client.attachments.uploads.value).toEqual([]);
  });

  it('refuses a file that is too large or of a type the form does not accept, naming why', async () => {
    const { client } = startClient();
    await expect(
      client.attachments.upload(new File(['x'.repeat(2000)], 'big.txt', { type: 'text/plain' })),
    ).rejects.toMatchObject({ field: 'file.size' });
    await expect(
      client.attachments.upload(new File(['MZ'], 'tool.exe', { type: 'application/x-msdownload' })),
    ).rejects.toMatchObject({ field: 'file.type' });
  });
});

describe('tickets refused by the backend', () => {
  it('rejects with the backend error, keeps the form draft and leaves nothing stuck in the outbox', async () => {
    const backend = createTestBackend();
    backend.failures.push(new AdapterError('invalid_input', 'subject: already reported as HL-7', { status: 422 }));
    const { client, store } = startClient({}, { backend });
    client.tickets.setDraft({ subject: 'Export fails' });
    const error = await client.tickets
      .create({ ...TICKET, fields: { plan: 'pro' }, includeContext: true })
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'subject: already reported as HL-7' });
    expect(client.tickets.draft.value).toEqual({ subject: 'Export fails' });
    expect((await store.keys()).filter((key) => key.startsWith('outbox:'))).toEqual([]);
    const ticket = await client.tickets.create({ ...TICKET, fields: { plan: 'pro' }, includeContext: true });
    expect(backend.tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect(client.tickets.draft.value).toEqual({});
  });
});
