import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { message, session, ticketItem } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

afterEach(cleanup);

const item = { ...ticketItem('t1', { due: 30, severity: 'P1' }), queue: 'billing' };

function ticketRoutes(escalate: { status?: number; body?: unknown }) {
  return {
    'GET /me': { body: session },
    'GET /queue': { body: { conversations: [], tickets: [item] } },
    'GET /tickets/t1': {
      body: {
        ticket: item.ticket,
        queue: 'billing',
        messages: [message({ id: 'm1', conversationId: 't1', body: 'Payments fail' })],
        context: null,
        visitor: item.visitor,
        history: [
          { at: '2026-11-29T11:00:00.000Z', field: 'escalation', from: null, to: 'Seen twice', by: 'Alex Agent' },
        ],
      },
    },
    'POST /tickets/t1/escalate': escalate,
  };
}

async function openEscalation(escalate: { status?: number; body?: unknown }) {
  const view = renderInbox(ticketRoutes(escalate), { path: '/inbox/tickets/t1' });
  const thread = await screen.findByRole('region', { name: /HL-t1: Ticket t1/ });
  // The thread focuses its heading once loaded; the agent acts after that.
  await waitFor(() => expect(document.activeElement?.id).toBe('thread-title'));
  fireEvent.click(within(thread).getByRole('button', { name: 'Escalate to engineering' }));
  const note = within(thread).getByLabelText('Note for engineering (optional)');
  return { ...view, thread, note };
}

describe('escalate to engineering', () => {
  it('sends the note with the CSRF token and announces where it went', async () => {
    const { thread, note, requests } = await openEscalation({
      status: 202,
      body: { escalationId: 'e1', endpoints: 2 },
    });
    await waitFor(() => expect(document.activeElement).toBe(note));
    fireEvent.input(note, { target: { value: '  Reproduced on staging  ' } });
    fireEvent.click(within(thread).getByRole('button', { name: 'Send to engineering' }));
    await waitFor(() =>
      expect(within(thread).getByRole('status').textContent).toMatch(/Sent to engineering \(2 endpoints\)/),
    );
    const sent = requests.find((request) => request.path === '/tickets/t1/escalate');
    expect(sent?.method).toBe('POST');
    expect(sent?.body).toEqual({ note: 'Reproduced on staging' });
    expect(sent?.headers['x-csrf-token']).toBe('csrf-123');
    expect(within(thread).queryByLabelText('Note for engineering (optional)')).toBeNull();
  });

  it('keeps the note and shows the server error when escalation is refused', async () => {
    const { thread, note } = await openEscalation({
      status: 409,
      body: { error: { code: 'conflict', message: 'No webhook endpoint subscribes to escalation' } },
    });
    fireEvent.input(note, { target: { value: 'Please look' } });
    fireEvent.click(within(thread).getByRole('button', { name: 'Send to engineering' }));
    expect((await within(thread).findByRole('alert')).textContent).toBe('No webhook endpoint subscribes to escalation');
    expect((within(thread).getByLabelText('Note for engineering (optional)') as HTMLTextAreaElement).value).toBe(
      'Please look',
    );
  });

  it('cancels with Escape and returns focus to the button; shows the ticket queue', async () => {
    const { thread, note } = await openEscalation({ status: 202, body: { escalationId: 'e1', endpoints: 1 } });
    fireEvent.keyDown(note, { key: 'Escape' });
    const button = within(thread).getByRole('button', { name: 'Escalate to engineering' });
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(within(thread).getByText(/Alex Agent escalated to engineering: Seen twice/)).toBeTruthy();
    const queueFact = within(thread).getByText('Queue');
    expect(queueFact.nextElementSibling?.textContent).toBe('billing');
    expect(screen.getByText('Queue: billing').closest('a')?.getAttribute('href')).toBe('/inbox/tickets/t1');
  });
});
