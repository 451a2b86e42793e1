import {
  type Category,
  type CustomFields,
  DEFAULT_FIRST_RESPONSE_MINUTES,
  type FormField,
  Ticket,
  type TicketForm,
  TicketForm as TicketFormSchema,
  TicketThread,
} from '@helpline/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { conformanceContext } from './chat.js';
import { expectNotPretending, expectTypedError, method, rejection, unique, useFixture } from './helpers.js';

const TICKET_METHODS = ['createTicket', 'listTickets', 'getTicket', 'replyToTicket', 'getTicketForm'] as const;

/** A valid value for a form field, as a user filling it in would give. */
function validValue(field: FormField): CustomFields[string] {
  switch (field.type) {
    case 'select':
      return field.options?.[0]?.value ?? '';
    case 'checkbox':
      return true;
    case 'number':
      return field.min ?? 1;
    case 'email':
      return 'ada@example.com';
    case 'url':
      return 'https://example.com/conformance';
    default:
      return 'Conformance value';
  }
}

const shownFor = (field: FormField, category: Category) => !field.categories || field.categories.includes(category);

export function requiredFields(form: TicketForm, category: Category): CustomFields {
  return Object.fromEntries(
    form.fields.filter((f) => f.required && shownFor(f, category)).map((f) => [f.id, validValue(f)]),
  );
}

export function ticketChecks(suite: ConformanceSuite): void {
  describe('tickets', () => {
    const fixture = useFixture(suite);
    let form: TicketForm | undefined;
    const getForm = async (): Promise<TicketForm> => {
      const { adapter } = fixture();
      form ??= adapter.capabilities.formSchema ? await method(adapter, 'getTicketForm')() : TicketFormSchema.parse({});
      return form;
    };
    const category = (f: TicketForm): Category => (f.categories.includes('bug') ? 'bug' : (f.categories[0] ?? 'bug'));
    const create = async (severity: Ticket['severity'], fields?: CustomFields) => {
      const f = await getForm();
      return method(
        fixture().adapter,
        'createTicket',
      )({
        subject: `Conformance ${severity} ticket`,
        description: 'Created by the adapter conformance suite.',
        severity,
        category: category(f),
        fields: fields ?? requiredFields(f, category(f)),
        attachmentIds: [],
        idempotencyKey: unique('ticket'),
        context: conformanceContext(),
      });
    };

    it('creates tickets with custom fields and sensible first-response targets — or, undeclared, has no ticket methods', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.tickets) return expectNotPretending(adapter, TICKET_METHODS);
      const f = await getForm();
      const p0 = await create('P0');
      const p3 = await create('P3');
      expect(Ticket.safeParse(p0).success).toBe(true);
      expect(p0.fields).toMatchObject(requiredFields(f, category(f)));
      expect(p0.firstResponseDueAt, 'firstResponseDueAt').toBeDefined();
      expect(p3.firstResponseDueAt, 'firstResponseDueAt').toBeDefined();
      const due0 = Date.parse(p0.firstResponseDueAt ?? '');
      const due3 = Date.parse(p3.firstResponseDueAt ?? '');
      const p0Minutes = f.firstResponseMinutes?.P0 ?? DEFAULT_FIRST_RESPONSE_MINUTES.P0;
      // Business time runs no faster than wall time, so the target is at least the target minutes away.
      expect(due0).toBeGreaterThanOrEqual(Date.parse(p0.createdAt) + p0Minutes * 60_000);
      expect(due3).toBeGreaterThan(due0);
      if (agent.lastContext) expect((await agent.lastContext(p0.id))?.page.path).toBe('/conformance/payments');
    });

    it('stores a ticket submitted twice with one idempotency key once', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.tickets) return expectNotPretending(adapter, TICKET_METHODS);
      const f = await getForm();
      const input = {
        subject: 'Conformance retried ticket',
        description: 'Sent twice.',
        severity: 'P2' as const,
        category: category(f),
        fields: requiredFields(f, category(f)),
        attachmentIds: [],
        idempotencyKey: unique('ticket-twice'),
      };
      const first = await method(adapter, 'createTicket')(input);
      const second = await method(adapter, 'createTicket')(input);
      expect(second.id).toBe(first.id);
    });

    it('refuses a ticket missing a required custom field, naming it (or accepts one when none is required)', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.tickets) return expectNotPretending(adapter, TICKET_METHODS);
      const f = await getForm();
      const required = f.fields.find((field) => field.required && shownFor(field, category(f)));
      if (!required) {
        expect(Ticket.safeParse(await create('P3', {})).success).toBe(true);
        return;
      }
      const { [required.id]: _left, ...rest } = requiredFields(f, category(f));
      expectTypedError(await rejection(create('P3', rest)), 'invalid_input', required.id);
    });

    it('lists tickets and returns a thread — or, undeclared, has no listTickets()', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.tickets) return expectNotPretending(adapter, TICKET_METHODS);
      const created = await create('P1');
      if (adapter.capabilities.ticketList) {
        expect((await method(adapter, 'listTickets')()).map((t) => t.id)).toContain(created.id);
      } else {
        await expectNotPretending(adapter, ['listTickets']);
      }
      const thread = await method(adapter, 'getTicket')(created.id);
      expect(TicketThread.safeParse(thread).success).toBe(true);
      expect(thread.ticket.id).toBe(created.id);
      if (agent.setTicketStatus) {
        await agent.setTicketStatus(created.id, 'solved');
        expect((await method(adapter, 'getTicket')(created.id)).ticket.status).toBe('solved');
      }
    });

    it('lets the visitor mark a ticket solved, which their reply opens again — or, undeclared, has no solveTicket()', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.solveTicket) return expectNotPretending(adapter, ['solveTicket']);
      const created = await create('P3');
      const solved = await method(adapter, 'solveTicket')(created.id);
      expect(Ticket.safeParse(solved).success).toBe(true);
      expect(solved).toMatchObject({ id: created.id, status: 'solved' });
      expect((await method(adapter, 'solveTicket')(created.id)).status).toBe('solved');
      expect((await method(adapter, 'getTicket')(created.id)).ticket.status).toBe('solved');
      await method(adapter, 'replyToTicket')(created.id, {
        body: 'It came back',
        attachmentIds: [],
        idempotencyKey: unique('reopen'),
      });
      expect((await method(adapter, 'getTicket')(created.id)).ticket.status).toBe('open');
      expectTypedError(await rejection(method(adapter, 'solveTicket')('no-such-ticket')), 'not_found');
    });

    it("counts an agent's replies as unread until the visitor reads the ticket — or, undeclared, has no markTicketRead()", async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.ticketRead) return expectNotPretending(adapter, ['markTicketRead']);
      if (!agent.replyToTicket)
        throw new Error(`${adapter.name} declares ticketRead but its AgentDriver has no replyToTicket()`);
      const created = await create('P2');
      const unread = async () =>
        (await method(adapter, 'listTickets')()).find((ticket) => ticket.id === created.id)?.unreadCount;
      expect(await unread()).toBe(0);
      await agent.replyToTicket(created.id, 'Could you send a screenshot?');
      await agent.replyToTicket(created.id, 'Or the invoice number');
      expect(await unread()).toBe(2);
      expect((await method(adapter, 'getTicket')(created.id)).ticket.unreadCount).toBe(2);
      // The visitor's own reply is not news to them.
      await method(adapter, 'replyToTicket')(created.id, {
        body: 'Here',
        attachmentIds: [],
        idempotencyKey: unique('r'),
      });
      await method(adapter, 'markTicketRead')(created.id);
      expect(await unread()).toBe(0);
      expectTypedError(await rejection(method(adapter, 'markTicketRead')('no-such-ticket')), 'not_found');
    });
  });
}
