import { TicketForm } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { conformanceContext } from './chat.js';
import { expectNotPretending, expectTypedError, method, rejection, unique, useFixture } from './helpers.js';
import { requiredFields } from './tickets.js';

export function contactChecks(suite: ConformanceSuite): void {
  describe('contact', () => {
    const fixture = useFixture(suite);

    /** Something the visitor wrote after giving their email: a chat, or a ticket where there is no chat. */
    const write = async (): Promise<string> => {
      const { adapter } = fixture();
      const context = conformanceContext();
      if (adapter.capabilities.chat) {
        const started = await method(
          adapter,
          'startConversation',
        )({
          body: 'Please email me the answer',
          attachmentIds: [],
          idempotencyKey: unique('contact-chat'),
          context,
        });
        return started.conversation.id;
      }
      const form = adapter.capabilities.formSchema ? await method(adapter, 'getTicketForm')() : TicketForm.parse({});
      const category = form.categories[0] ?? 'bug';
      const ticket = await method(
        adapter,
        'createTicket',
      )({
        subject: 'Please email me the answer',
        description: 'Created by the adapter conformance suite.',
        severity: 'P3',
        category,
        fields: requiredFields(form, category),
        attachmentIds: [],
        idempotencyKey: unique('contact-ticket'),
        context,
      });
      return ticket.id;
    };

    it('keeps the email a visitor gives, for the agents of what they write — or, undeclared, has no setContact()', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.contact) return expectNotPretending(adapter, ['setContact']);
      if (!agent.visitorContact)
        throw new Error(`${adapter.name} declares contact but its AgentDriver has no visitorContact()`);
      const email = `${unique('reach')}@example.com`;
      await method(adapter, 'setContact')({ email });
      const id = await write();
      expect(await agent.visitorContact(id)).toMatchObject({ email });
    });

    it('refuses an email that is not one, naming the field', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.contact) return;
      const error = await rejection(method(adapter, 'setContact')({ email: 'ada at example' }));
      expectTypedError(error, 'invalid_input', 'email');
    });
  });
}
