import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget } from './widget.js';

/** A widget whose visitor has a conversation, with the panel closed again. */
async function closedWithConversation(options: Parameters<typeof mountWidget>[0] = {}) {
  const widget = mountWidget(options, { autoReply: () => null, agentName: 'Ada' });
  await widget.hl.chat.send({ body: 'Can I export to Excel?' });
  await waitFor(() => expect(widget.hl.chat.conversations.value).toHaveLength(1));
  const conversationId = widget.hl.chat.conversations.value[0]!.id;
  return { ...widget, conversationId };
}

describe('message preview above the launcher', () => {
  it("shows an agent's reply while the panel is closed, says it, and opens its thread", async () => {
    const { ui, shadow, hl, adapter, conversationId } = await closedWithConversation();
    await adapter.agent.reply(conversationId, 'Yes — use Export › XLSX on the invoices page.');
    const open = await ui.findByRole('button', { name: 'Open the reply from Ada' });
    expect(open.textContent).toContain('Yes — use Export › XLSX on the invoices page.');
    await waitFor(() =>
      expect(shadow.querySelector('.hl-preview [aria-live="polite"]')?.textContent).toBe(
        'Ada replied: Yes — use Export › XLSX on the invoices page.',
      ),
    );
    // Never takes focus from the host page.
    expect(shadow.activeElement).toBeNull();
    fireEvent.click(open);
    await waitFor(() => expect(hl.state.view.value).toEqual({ name: 'chat', conversationId }));
    expect(ui.queryByRole('button', { name: /Open the reply/ })).toBeNull();
  });

  it('is dismissed with its close button, focus going to the launcher, and cut short when long', async () => {
    const { ui, shadow, adapter, conversationId } = await closedWithConversation();
    await adapter.agent.reply(conversationId, `Here is everything: ${'step by step. '.repeat(40)}`);
    const open = await ui.findByRole('button', { name: 'Open the reply from Ada' });
    expect(open.textContent?.endsWith('…')).toBe(true);
    expect(open.textContent!.length).toBeLessThan(200);
    fireEvent.click(ui.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(ui.queryByRole('button', { name: /Open the reply/ })).toBeNull());
    expect(shadow.activeElement).toBe(ui.getByRole('button', { name: 'Open help, 1 unread message' }));
  });

  it("does not preview a reply to a ticket (the launcher's badge counts chats)", async () => {
    const { ui, hl, adapter } = mountWidget({}, { autoReply: () => null, agentName: 'Ada' });
    const ticket = await hl.tickets.create({
      subject: 'Export broken',
      description: 'Empty file',
      severity: 'P3',
      category: 'bug',
      fields: { area: 'invoices' },
      includeContext: false,
    });
    await adapter.agent.replyToTicket(ticket.id, 'Looking into the export');
    await waitFor(() => expect(hl.tickets.thread(ticket.id).value.messages.length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ui.queryByRole('button', { name: /Open the reply/ })).toBeNull();
  });

  it('shows nothing while the panel is open, or when the host turns it off', async () => {
    const shown = await closedWithConversation();
    await shown.hl.open({ name: 'home' });
    await shown.adapter.agent.reply(shown.conversationId, 'Seen in the open panel');
    await waitFor(() => expect(shown.hl.state.unreadCount.value).toBe(1));
    await shown.hl.close();
    expect(shown.ui.queryByRole('button', { name: /Open the reply/ })).toBeNull();
    shown.hl.unmount();
    document.body.replaceChildren();

    const off = await closedWithConversation({ appearance: { messagePreview: false } });
    await off.adapter.agent.reply(off.conversationId, 'Not previewed');
    await waitFor(() => expect(off.hl.state.unreadCount.value).toBe(1));
    expect(off.ui.queryByRole('button', { name: /Open the reply/ })).toBeNull();
  });
});
