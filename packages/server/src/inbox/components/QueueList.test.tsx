import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { conversationItem, NOW, session, ticketItem } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

afterEach(cleanup);

function queueRoutes() {
  const read = conversationItem('c3', { due: 120, waiting: -2 });
  read.conversation.agentLastReadAt = new Date(NOW).toISOString();
  return {
    'GET /me': { body: session },
    'GET /queue': {
      body: {
        // Deliberately not in due order: the inbox sorts both kinds together.
        conversations: [conversationItem('c2'), conversationItem('c1', { due: 10, waiting: -5 }), read],
        tickets: [
          ticketItem('t2', { due: 180, created: -60, severity: 'P3' }),
          ticketItem('t1', { due: -5, created: -65, severity: 'P0', breach: 'breached' }),
        ],
      },
    },
  };
}

async function queueLinks(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Queue' });
  await within(list).findAllByRole('link');
  return within(list).getAllByRole('link');
}

describe('queue', () => {
  it('sorts conversations and tickets together by SLA due, with live breach labels', async () => {
    let now = NOW;
    const { store } = renderInbox(queueRoutes(), { now: () => now });
    const links = await queueLinks();
    expect(links.map((link) => link.querySelector('.queue-title')?.textContent)).toEqual([
      'Ticket t1',
      'Visitor c1',
      'Visitor c3',
      'Ticket t2',
      'Visitor c2',
    ]);
    expect(within(links[0] as HTMLElement).getByText('Breached · overdue by 5m')).toBeTruthy();
    expect(within(links[0] as HTMLElement).getByText('P0')).toBeTruthy();
    expect(within(links[1] as HTMLElement).getByText('At risk · due in 10m')).toBeTruthy();
    expect(within(links[2] as HTMLElement).getByText('On track · due in 2h 00m')).toBeTruthy();
    expect(within(links[3] as HTMLElement).getByText('On track · due in 3h 00m')).toBeTruthy();
    expect(within(links[4] as HTMLElement).getByText('Waiting on visitor')).toBeTruthy();

    now = NOW + 20 * 60_000;
    act(() => store.tick());
    const later = await queueLinks();
    expect(within(later[1] as HTMLElement).getByText('Breached · overdue by 10m')).toBeTruthy();
    expect(within(later[0] as HTMLElement).getByText('Breached · overdue by 25m')).toBeTruthy();
  });

  it('names each item in separate phrases, not its parts run together', async () => {
    renderInbox(queueRoutes());
    const links = await queueLinks();
    // The text a browser's name is made of: side-by-side parts join with nothing between them.
    expect(links[0]?.textContent).toBe('Ticket, P0, Ticket t1, HL-t1 · Owner t1, Breached · overdue by 5m');
    expect(links[4]?.textContent).toBe(', Conversation, Visitor c2, Help with c2, Waiting on visitor');
    expect(within(links[4] as HTMLElement).getByRole('img', { name: 'Unread' })).toBeTruthy();
  });

  it('marks unread items: visitor wrote since the agent last read, or a new ticket', async () => {
    renderInbox(queueRoutes());
    const links = await queueLinks();
    const unread = links.map((link) => within(link).queryByRole('img', { name: 'Unread' }) !== null);
    // c1 and c2: visitor messages never read; c3 read after its last message; tickets are open, not new.
    expect(unread).toEqual([false, true, false, false, true]);
  });

  it('clears the unread dot of a conversation or new ticket once opened', async () => {
    const routes = queueRoutes();
    routes['GET /queue'].body.tickets[0]!.ticket.status = 'new';
    const { router } = renderInbox({
      ...routes,
      'GET /conversations/c1': {
        body: { conversation: conversationItem('c1').conversation, messages: [], context: null, visitor: null },
      },
      'GET /tickets/t2': {
        body: {
          ticket: ticketItem('t2', { due: 180 }).ticket,
          messages: [],
          context: null,
          visitor: null,
          history: [],
        },
      },
    } as never);
    const unreadOf = async () =>
      (await queueLinks()).map((link) => within(link).queryByRole('img', { name: 'Unread' }) !== null);
    expect(await unreadOf()).toEqual([false, true, false, true, true]);
    // The tab title counts them, so an agent in another tab sees new work arrive.
    await waitFor(() => expect(document.title).toBe('(3) Helpline inbox'));
    act(() => router.navigate({ view: 'thread', kind: 'conversation', id: 'c1' }));
    await screen.findByRole('textbox', { name: 'Reply' });
    act(() => router.navigate({ view: 'thread', kind: 'ticket', id: 't2' }));
    await screen.findByRole('heading', { level: 2, name: 'HL-t2: Ticket t2' });
    expect(await unreadOf()).toEqual([false, false, false, false, true]);
    await waitFor(() => expect(document.title).toBe('(1) Helpline inbox'));
  });

  it('filters to breached items and back to everything', async () => {
    renderInbox(queueRoutes());
    await queueLinks();
    fireEvent.click(screen.getByRole('button', { name: 'Breached' }));
    expect((await queueLinks()).map((link) => link.querySelector('.queue-title')?.textContent)).toEqual(['Ticket t1']);
    expect(screen.getByRole('button', { name: 'Breached' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Tickets' }));
    expect(await queueLinks()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Conversations' }));
    expect(await queueLinks()).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(await queueLinks()).toHaveLength(5);
  });

  it('moves focus through the queue with the arrow keys, Home and End', async () => {
    renderInbox(queueRoutes());
    const links = await queueLinks();
    const list = screen.getByRole('list', { name: 'Queue' });
    links[0]?.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(list, { key: 'End' });
    expect(document.activeElement).toBe(links[4]);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[4]);
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[3]);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(document.activeElement).toBe(links[0]);
  });

  it('shows the server error with a retry when the queue cannot load', async () => {
    let fail = true;
    renderInbox({
      'GET /me': { body: session },
      'GET /queue': () =>
        fail
          ? { status: 500, body: { error: { code: 'server', message: 'Database unavailable' } } }
          : { body: { conversations: [], tickets: [] } },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Database unavailable');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Nothing waiting. Nice work.')).toBeTruthy();
  });

  it('reports a malformed queue naming the bad field', async () => {
    renderInbox({
      'GET /me': { body: session },
      'GET /queue': { body: { conversations: [{ conversation: { id: 'c1' } }], tickets: [] } },
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Malformed queue.*conversations/);
  });

  it('finds resolved conversations and solved tickets again under Resolved, most recently changed first', async () => {
    const resolved = conversationItem('c9');
    resolved.conversation = {
      ...resolved.conversation,
      status: 'resolved',
      updatedAt: new Date(NOW - 60_000).toISOString(),
    };
    const solved = ticketItem('t9', { due: -600, created: -700, severity: 'P1' });
    solved.ticket = { ...solved.ticket, status: 'solved', updatedAt: new Date(NOW - 1_000).toISOString() };
    const { requests } = renderInbox({
      ...queueRoutes(),
      'GET /queue?view=closed': { body: { conversations: [resolved], tickets: [solved] } },
    });
    await queueLinks();
    expect(requests.some((request) => request.path === '/queue?view=closed')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Resolved' }));
    const list = screen.getByRole('list', { name: 'Queue' });
    await within(list).findByText('Visitor c9');
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.querySelector('.queue-title')?.textContent)).toEqual(['Ticket t9', 'Visitor c9']);
    // Nothing is due on them: no SLA badge, no unread mark.
    expect(list.querySelector('.sla')).toBeNull();
    expect(list.querySelector('.unread-dot')).toBeNull();
    expect(links[1]?.getAttribute('href')).toBe('/inbox/conversations/c9');
    expect(links[1]?.textContent).toContain('Resolved');
    expect(links[1]?.textContent).not.toContain('Waiting on visitor');
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(within(list).queryByText('Visitor c9')).toBeNull();
  });
});
