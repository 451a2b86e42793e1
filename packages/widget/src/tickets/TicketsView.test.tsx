import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { holdUploads } from '../../test/hold-uploads.js';
import { renderView } from '../../test/render-view.js';
import { TicketsView } from './TicketsView.js';
import { TicketThreadView } from './TicketThreadView.js';

const input = {
  subject: 'Export broken',
  description: 'CSV is empty',
  severity: 'P1',
  category: 'bug',
  fields: { area: 'reports' },
  includeContext: false,
} as const;

describe('my tickets', () => {
  it('says so when there are no tickets yet', async () => {
    const { findByText } = renderView(TicketsView, { name: 'tickets' });
    expect(await findByText('No tickets yet')).toBeTruthy();
  });

  it('lists tickets with status and severity, and follows a status change by the agent', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const ticket = await setup.client.tickets.create(input);
    expect(await setup.findByText('Export broken')).toBeTruthy();
    // A dot between severity and age, as in the thread: run together, "broken Updated now" reads as one phrase.
    expect(setup.getByText('A major feature is broken').parentElement?.textContent).toMatch(
      /^New A major feature is broken · Updated /,
    );
    await setup.agent.setTicketStatus(ticket.id, 'solved');
    await setup.client.tickets.load();
    expect(await setup.findByText('Solved')).toBeTruthy();
  });

  it('counts an agent’s replies as unread in the list and on the badge until the ticket is opened', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const ticket = await setup.client.tickets.create(input);
    await setup.client.tickets.load();
    await setup.agent.replyToTicket(ticket.id, 'Which report?');
    await setup.agent.replyToTicket(ticket.id, 'And which month?');
    expect(await setup.findByText('2 unread')).toBeTruthy();
    expect(setup.client.state.unreadCount.value).toBe(2);

    await setup.client.open({ name: 'ticketThread', ticketId: ticket.id });
    setup.rerenderView({ name: 'ticketThread', ticketId: ticket.id }, TicketThreadView);
    expect(await setup.findByText('And which month?')).toBeTruthy();
    await waitFor(() => expect(setup.client.state.unreadCount.value).toBe(0));
    // Read at the backend too: the next page load's list does not count them again.
    expect((await setup.adapter.listTickets()).find((other) => other.id === ticket.id)?.unreadCount).toBe(0);
    setup.rerenderView({ name: 'tickets' }, TicketsView);
    expect(setup.queryByText(/unread/)).toBeNull();
  });

  it('shows a ticket thread and sends a reply', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const ticket = await setup.client.tickets.create(input);
    await setup.agent.replyToTicket(ticket.id, 'Which report? <b>x</b>');
    setup.rerenderView({ name: 'ticketThread', ticketId: ticket.id }, TicketThreadView);
    expect(await setup.findByText('Which report? <b>x</b>')).toBeTruthy();
    fireEvent.input(setup.getByLabelText('Your reply'), { target: { value: 'The monthly one' } });
    fireEvent.click(setup.getByRole('button', { name: 'Reply' }));
    expect(await setup.findByText('The monthly one')).toBeTruthy();
    await waitFor(() => expect(setup.agent.tickets()[0]?.messages.at(-1)?.body).toBe('The monthly one'));
  });

  it('lets the visitor mark the ticket solved, says so, and a reply opens it again', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const ticket = await setup.client.tickets.create(input);
    setup.rerenderView({ name: 'ticketThread', ticketId: ticket.id }, TicketThreadView);
    fireEvent.click(await setup.findByRole('button', { name: 'Mark as solved' }));
    const note = await setup.findByRole('status');
    expect(note.textContent).toBe('You marked this ticket as solved. Reply to open it again.');
    expect(note.hasAttribute('data-refocus')).toBe(true);
    expect(setup.getByText('Solved')).toBeTruthy();
    expect(setup.queryByRole('button', { name: 'Mark as solved' })).toBeNull();
    expect(setup.agent.tickets()[0]?.ticket.status).toBe('solved');

    fireEvent.input(setup.getByLabelText('Your reply'), { target: { value: 'It broke again' } });
    fireEvent.click(setup.getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(setup.agent.tickets()[0]?.ticket.status).toBe('open'));
    expect(await setup.findByRole('button', { name: 'Mark as solved' })).toBeTruthy();
    expect(setup.queryByText(/You marked this ticket as solved/)).toBeNull();
  });

  it('keeps the ticket as it was and says why when it cannot be marked solved', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const ticket = await setup.client.tickets.create(input);
    setup.rerenderView({ name: 'ticketThread', ticketId: ticket.id }, TicketThreadView);
    const button = await setup.findByRole('button', { name: 'Mark as solved' });
    await setup.findByText('No replies yet');
    setup.agent.failNext(500);
    fireEvent.click(button);
    expect((await setup.findByRole('alert')).textContent).toContain('Support is having trouble right now.');
    expect(setup.agent.tickets()[0]?.ticket.status).toBe('new');
    expect(setup.queryByRole('status')).toBeNull();
  });

  it('shows an agent’s reply and the new status while the ticket is open', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const ticket = await setup.client.tickets.create(input);
    setup.rerenderView({ name: 'ticketThread', ticketId: ticket.id }, TicketThreadView);
    expect(await setup.findByText('No replies yet')).toBeTruthy();
    await setup.agent.replyToTicket(ticket.id, 'Which report?');
    expect(await setup.findByText('Which report?')).toBeTruthy();
    expect(setup.getByText('Waiting for you')).toBeTruthy();
  });

  it('shows the files sent with a ticket and attaches files to a reply', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const notes = await setup.client.attachments.upload(new File(['steps'], 'notes.txt', { type: 'text/plain' }));
    const ticket = await setup.client.tickets.create({ ...input, attachments: [notes] });
    setup.rerenderView({ name: 'ticketThread', ticketId: ticket.id }, TicketThreadView);
    const header = (await setup.findByRole('heading', { name: 'Export broken' })).closest('header') as HTMLElement;
    expect(within(header).getByText('notes.txt')).toBeTruthy();

    const picker = setup.getByTestId('file-input') as HTMLInputElement;
    fireEvent.change(picker, { target: { files: [new File(['log'], 'export.log', { type: 'text/plain' })] } });
    expect(await setup.findByRole('button', { name: 'Remove export.log' })).toBeTruthy();
    fireEvent.input(setup.getByLabelText('Your reply'), { target: { value: 'Log attached' } });
    fireEvent.click(setup.getByRole('button', { name: 'Reply' }));
    const sent = (await setup.findByText('Log attached')).closest('li') as HTMLElement;
    expect(within(sent).getByText('export.log')).toBeTruthy();
    await waitFor(() => expect(setup.queryByRole('button', { name: 'Remove export.log' })).toBeNull());
    const stored = setup.agent.tickets()[0]?.messages.at(-1);
    expect(stored?.attachments.map((file) => file.name)).toEqual(['export.log']);
  });

  it('sends a reply whose file is still uploading once the file is up, with the file', async () => {
    const setup = renderView(TicketsView, { name: 'tickets' });
    const ticket = await setup.client.tickets.create(input);
    setup.rerenderView({ name: 'ticketThread', ticketId: ticket.id }, TicketThreadView);
    await setup.findByRole('heading', { name: 'Export broken' });
    const upload = holdUploads(setup.adapter);
    fireEvent.change(setup.getByTestId('file-input'), {
      target: { files: [new File(['log'], 'export.log', { type: 'text/plain' })] },
    });
    fireEvent.input(setup.getByLabelText('Your reply'), { target: { value: 'Log attached' } });
    fireEvent.click(setup.getByRole('button', { name: 'Reply' }));
    await setup.findByText('Waiting for files to finish uploading…');
    expect(setup.agent.tickets()[0]?.messages).toEqual([]);

    upload.release();
    const sent = (await setup.findByText('Log attached')).closest('li') as HTMLElement;
    expect(within(sent).getByText('export.log')).toBeTruthy();
    const stored = setup.agent.tickets()[0]?.messages.at(-1);
    expect(stored?.attachments.map((file) => file.name)).toEqual(['export.log']);
  });
});
