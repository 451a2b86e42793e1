import { createMemoryAdapter, demoArticles } from '@helpline/adapter-memory';
import type { Capabilities } from '@helpline/core';
import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { mountWidget } from './widget.js';

async function openHome(widget: ReturnType<typeof mountWidget>) {
  fireEvent.click(widget.ui.getByRole('button', { name: 'Open help' }));
  await widget.ui.findByText('Hi there. How can we help?');
}

describe('home view', () => {
  it('offers search, chat, a ticket and my tickets when the adapter can do all of them', async () => {
    const widget = mountWidget();
    await openHome(widget);
    const { ui } = widget;
    expect(ui.getByRole('searchbox', { name: 'Search help articles' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Start a chat' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Submit a ticket' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'My tickets' })).toBeTruthy();
  });

  it('searches on Enter without a hidden submit button in the tab order', async () => {
    const widget = mountWidget();
    await openHome(widget);
    const box = widget.ui.getByRole('searchbox', { name: 'Search help articles' });
    const form = box.closest('form') as HTMLFormElement;
    expect(form.querySelector('button')).toBeNull();
    fireEvent.input(box, { target: { value: 'refund' } });
    fireEvent.submit(form);
    await waitFor(() => expect(widget.hl.state.view.value).toEqual({ name: 'search', query: 'refund' }));
  });

  it('hides chat when the chat feature is off', async () => {
    const widget = mountWidget({ features: { chat: false } });
    await openHome(widget);
    expect(widget.ui.queryByRole('button', { name: 'Start a chat' })).toBeNull();
    expect(widget.ui.getByRole('button', { name: 'Submit a ticket' })).toBeTruthy();
  });

  it('hides the ticket entries when the tickets feature is off', async () => {
    const widget = mountWidget({ features: { tickets: false } });
    await openHome(widget);
    expect(widget.ui.queryByRole('button', { name: 'Submit a ticket' })).toBeNull();
    expect(widget.ui.queryByRole('button', { name: 'My tickets' })).toBeNull();
    expect(widget.ui.getByRole('button', { name: 'Start a chat' })).toBeTruthy();
  });

  it('hides search and suggestions when the knowledge base is off', async () => {
    const widget = mountWidget({ features: { kb: false } });
    await openHome(widget);
    expect(widget.ui.queryByRole('searchbox')).toBeNull();
    expect(widget.ui.queryByText('Suggested for this page')).toBeNull();
  });

  it('says on "My tickets" how many agent replies to tickets are unread', async () => {
    const widget = mountWidget({ user: { id: 'u-home-tickets' } });
    const ticket = await widget.hl.tickets.create({
      subject: 'Export broken',
      description: 'CSV is empty',
      severity: 'P2',
      category: 'bug',
      fields: { area: 'reports' },
      includeContext: false,
    });
    await widget.hl.tickets.load();
    await widget.adapter.agent.replyToTicket(ticket.id, 'Which report?');
    fireEvent.click(await widget.ui.findByRole('button', { name: 'Open help, 1 unread message' }));
    await widget.ui.findByText('Hi there. How can we help?');
    const button = widget.ui.getByRole('button', { name: 'My tickets 1 unread message' });
    expect(button.textContent).toBe('My tickets (1)1 unread message');
  });

  it('offers "My tickets" only when the adapter can list tickets', async () => {
    const memory = createMemoryAdapter({ articles: demoArticles });
    const capabilities: Capabilities = { ...memory.capabilities, ticketList: false };
    const adapter = Object.assign(Object.create(memory), { capabilities });
    const widget = mountWidget({ adapter });
    await openHome(widget);
    expect(widget.ui.getByRole('button', { name: 'Submit a ticket' })).toBeTruthy();
    expect(widget.ui.queryByRole('button', { name: 'My tickets' })).toBeNull();
  });

  it('uses the greeting from appearance and shows the availability line', async () => {
    const widget = mountWidget({ appearance: { greeting: 'Welcome to Acme support' } }, { availability: 'online' });
    fireEvent.click(widget.ui.getByRole('button', { name: 'Open help' }));
    expect(await widget.ui.findByText('Welcome to Acme support')).toBeTruthy();
    expect(await widget.ui.findByText('We’re online')).toBeTruthy();
  });

  it('says when a closed team is back, from the business hours', async () => {
    const widget = mountWidget(
      {},
      {
        now: () => new Date('2026-11-29T12:00:00Z'),
        businessHours: { timezone: 'UTC', days: { '1': [['09:00', '17:00']] } },
      },
    );
    await openHome(widget);
    expect(await widget.ui.findByText(/^Back /)).toBeTruthy();
    expect(widget.ui.queryByText('We’re online')).toBeNull();
  });

  it('says when the team is away', async () => {
    const widget = mountWidget({}, { availability: 'away' });
    await openHome(widget);
    expect(await widget.ui.findByText(/We’re away right now|We’re offline right now/)).toBeTruthy();
  });

  it('suggests the articles and tips registered for the current route', async () => {
    window.history.replaceState(null, '', '/settings/taxes');
    const widget = mountWidget();
    await widget.hl.help.register('/settings/taxes', {
      articles: ['tax-rates'],
      tips: ['VAT changes apply to new invoices only.'],
    });
    await openHome(widget);
    expect(await widget.ui.findByText('Suggested for this page')).toBeTruthy();
    expect(widget.ui.getByText('VAT changes apply to new invoices only.')).toBeTruthy();
    fireEvent.click(await widget.ui.findByRole('button', { name: /Configure tax rates and VAT/ }));
    await waitFor(() => expect(widget.hl.state.view.value).toEqual({ name: 'article', articleId: 'tax-rates' }));
  });

  it('lists recent conversations with a link to all of them', async () => {
    const widget = mountWidget();
    widget.hl.interacted();
    await widget.hl.chat.send({ body: 'My export is stuck' });
    await openHome(widget);
    expect(await widget.ui.findByText('Recent conversations')).toBeTruthy();
    expect(widget.ui.getByRole('button', { name: 'All conversations' })).toBeTruthy();
  });

  it("asks a first-time anonymous visitor's backend for no lists (their messaging code never loads), a signed-in user's for both", async () => {
    const widget = mountWidget();
    const conversations = vi.spyOn(widget.adapter, 'listConversations');
    const tickets = vi.spyOn(widget.adapter, 'listTickets');
    await openHome(widget);
    await widget.ui.findByRole('region', { name: 'Suggested for this page' });
    expect(conversations).not.toHaveBeenCalled();
    expect(tickets).not.toHaveBeenCalled();
    expect(widget.ui.queryByText('Recent conversations')).toBeNull();

    await widget.hl.identify({ id: 'user-42', name: 'Ada' });
    await waitFor(() => expect(conversations).toHaveBeenCalled());
    await waitFor(() => expect(tickets).toHaveBeenCalled());
  });
});
