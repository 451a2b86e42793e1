import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { at, conversationItem, message, session, ticketItem } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

afterEach(cleanup);

const noor = { type: 'agent' as const, id: 'ag_2', name: 'Noor' };
const olu = { id: 'ag_3', name: 'Olu', email: 'olu@example.com' };
const me = { type: 'agent' as const, id: session.agent.id, name: session.agent.name };
const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
/** The thread's polite live region: what a colleague changed is said there. */
const said = () => document.querySelector('.thread-header [aria-live="polite"]')?.textContent ?? '';

async function openTicket() {
  const item = ticketItem('t1', { due: 30, severity: 'P2' });
  let history: unknown[] = [];
  const view = renderInbox(
    {
      'GET /me': { body: session },
      'GET /agents': { body: [session.agent, { ...noor, email: 'noor@example.com' }, olu] },
      'GET /queue': { body: { conversations: [], tickets: [item] } },
      'GET /tickets/t1': () => ({ body: { ticket: item.ticket, messages: [], context: null, visitor: null, history } }),
    },
    { path: '/inbox/tickets/t1' },
  );
  await screen.findByRole('heading', { level: 2, name: 'HL-t1: Ticket t1' });
  await waitFor(() => expect([...select('Assignee').options].map((option) => option.value)).toContain('ag_3'));
  const colleagueChanges = (changes: Partial<typeof item.ticket>, entries: unknown[]) => {
    history = [...history, ...entries];
    const ticket = { ...item.ticket, updatedAt: at(history.length), ...changes };
    act(() => view.store.handleEvent({ type: 'ticket', ticket }));
  };
  return { ...view, ticket: item.ticket, colleagueChanges };
}

describe("a colleague's changes to the open thread", () => {
  it("show at once in the open ticket — fields, owner and history — and are said politely; the agent's own are not", async () => {
    const { store, colleagueChanges } = await openTicket();
    colleagueChanges({ status: 'pending', severity: 'P1' }, [
      { at: at(0), field: 'status', from: 'new', to: 'pending', by: 'Noor' },
      { at: at(0), field: 'severity', from: 'P2', to: 'P1', by: 'Noor' },
    ]);
    expect(select('Status').value).toBe('pending');
    expect(select('Severity').value).toBe('P1');
    expect(said()).toBe('Status changed to Pending. Severity changed to P1.');
    expect(await screen.findByText(/Noor changed severity from P2 to P1/)).toBeTruthy();

    act(() =>
      store.handleEvent({
        type: 'assignee',
        kind: 'ticket',
        id: 't1',
        assignee: { type: 'agent', id: olu.id, name: olu.name },
        by: noor,
      }),
    );
    expect(select('Assignee').value).toBe('ag_3');
    expect(said()).toBe('Noor assigned this to Olu.');
    act(() => store.handleEvent({ type: 'assignee', kind: 'ticket', id: 't1', assignee: me, by: noor }));
    expect(select('Assignee').value).toBe(me.id);
    expect(said()).toBe('Noor assigned this to you.');
    // The echo of the agent's own change moves the select but is no news.
    act(() => store.handleEvent({ type: 'assignee', kind: 'ticket', id: 't1', by: me }));
    expect(select('Assignee').value).toBe('');
    expect(said()).toBe('Noor assigned this to you.');
    // Another ticket's owner is not this one's.
    act(() => store.handleEvent({ type: 'assignee', kind: 'ticket', id: 't2', assignee: noor, by: noor }));
    expect(select('Assignee').value).toBe('');
  });

  it('does not move a select the agent is on: it keeps their view until they leave it', async () => {
    const { colleagueChanges } = await openTicket();
    const severity = select('Severity');
    fireEvent.focus(severity);
    colleagueChanges({ severity: 'P0' }, [{ at: at(0), field: 'severity', from: 'P2', to: 'P0', by: 'Noor' }]);
    expect(said()).toBe('Severity changed to P0.');
    expect(select('Severity').value).toBe('P2');
    fireEvent.blur(severity);
    expect(select('Severity').value).toBe('P0');
  });

  it("says nothing of the echo of the agent's own reply, which moved the ticket to open", async () => {
    const item = ticketItem('t1', { due: 30 });
    let ticket = { ...item.ticket, status: 'new' as 'new' | 'open' };
    const { store, requests } = renderInbox(
      {
        'GET /me': { body: session },
        'GET /queue': { body: { conversations: [], tickets: [{ ...item, ticket }] } },
        'GET /tickets/t1': () => ({ body: { ticket, messages: [], context: null, visitor: null, history: [] } }),
        'POST /tickets/t1/replies': () => {
          ticket = { ...ticket, status: 'open', updatedAt: at(1) };
          return { status: 201, body: message({ id: 'm1', conversationId: 't1', author: me, body: 'On it' }) };
        },
      },
      { path: '/inbox/tickets/t1' },
    );
    const reply = await screen.findByRole('textbox', { name: 'Reply' });
    fireEvent.input(reply, { target: { value: 'On it' } });
    fireEvent.keyDown(reply, { key: 'Enter' });
    await waitFor(() => expect(select('Status').value).toBe('open'));
    const reads = () => requests.filter((request) => request.method === 'GET' && request.path === '/tickets/t1').length;
    const before = reads();
    act(() => store.handleEvent({ type: 'ticket', ticket }));
    expect(said()).toBe('');
    // The reply read the ticket and its history again; its echo does not read them a third time.
    await Promise.resolve();
    expect(reads()).toBe(before);
  });

  it('shows and says who took a conversation or gave it up, and a status a colleague set', async () => {
    const item = conversationItem('c1', { due: 10 });
    const { store } = renderInbox(
      {
        'GET /me': { body: session },
        'GET /agents': { body: [session.agent, { ...noor, email: 'noor@example.com' }] },
        'GET /queue': { body: { conversations: [item], tickets: [] } },
        'GET /conversations/c1': {
          body: { conversation: item.conversation, messages: [], context: null, visitor: null },
        },
        'POST /conversations/c1/typing': { status: 204 },
      },
      { path: '/inbox/conversations/c1' },
    );
    await screen.findByRole('textbox', { name: 'Reply' });
    act(() => store.handleEvent({ type: 'assignee', kind: 'conversation', id: 'c1', assignee: noor, by: noor }));
    expect(select('Assignee').value).toBe('ag_2');
    expect(said()).toBe('Noor took this.');
    act(() => store.handleEvent({ type: 'status', conversationId: 'c1', status: 'pending' }));
    expect(select('Status').value).toBe('pending');
    expect(said()).toBe('Status changed to Pending.');
    act(() => store.handleEvent({ type: 'assignee', kind: 'conversation', id: 'c1', by: noor }));
    expect(select('Assignee').value).toBe('');
    expect(said()).toBe('Noor unassigned this.');
    act(() => store.handleEvent({ type: 'status', conversationId: 'c1', status: 'resolved', by: 'user' }));
    expect(select('Status').value).toBe('resolved');
    expect(said()).toBe('The visitor ended this conversation.');
  });
});
