import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountWidget } from './widget.js';

async function openTicketForm() {
  const widget = mountWidget();
  fireEvent.click(widget.ui.getByRole('button', { name: 'Open help' }));
  fireEvent.click(await widget.ui.findByRole('button', { name: 'Submit a ticket' }));
  const form = await widget.ui.findByRole('form', { name: 'Submit a ticket' });
  return { ...widget, form };
}

function fillIn(form: HTMLElement) {
  fireEvent.input(within(form).getByLabelText(/^Subject/), { target: { value: 'Exports are empty' } });
  fireEvent.change(within(form).getByLabelText(/^Affected area/), { target: { value: 'reports' } });
}

afterEach(() => vi.restoreAllMocks());

describe('ticket form in the panel', () => {
  it('focuses the subject once the form has loaded', async () => {
    const { form, shadow } = await openTicketForm();
    await waitFor(() => expect(shadow.activeElement).toBe(within(form).getByLabelText(/^Subject/)));
  });

  it('moves focus to the confirmation that replaces the form, so Escape still closes the panel', async () => {
    const { form, shadow, ui, hl } = await openTicketForm();
    fillIn(form);
    const submit = within(form).getByRole('button', { name: 'Submit ticket' });
    submit.focus();
    fireEvent.click(submit);
    const heading = await ui.findByRole('heading', { name: 'Ticket submitted' });
    await waitFor(() => expect(shadow.activeElement).toBe(heading));
    fireEvent.keyDown(heading, { key: 'Escape' });
    await waitFor(() => expect(hl.state.isOpen.value).toBe(false));
  });

  it('says a ticket submitted offline is kept and sent once back online', async () => {
    const { form, ui, adapter } = await openTicketForm();
    fillIn(form);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    adapter.agent.failNext('network');
    fireEvent.click(within(form).getByRole('button', { name: 'Submit ticket' }));
    expect(
      await within(form).findByText('You’re offline. Your ticket is saved and will be sent when you’re back online.'),
    ).toBeTruthy();
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(await ui.findByRole('heading', { name: 'Ticket submitted' }, { timeout: 5000 })).toBeTruthy();
    expect(adapter.agent.tickets()).toHaveLength(1);
  });

  it('does not show a signed-in user’s half-written ticket once the page names nobody, and shows it again when it names them', async () => {
    const { hl, ui } = await openTicketForm();
    await hl.update({ user: { id: 'u1', name: 'Ada' } });
    fillIn(await ui.findByRole('form', { name: 'Submit a ticket' }));
    await hl.update({ user: undefined });
    const signedOut = await ui.findByRole('form', { name: 'Submit a ticket' });
    await waitFor(() => expect((within(signedOut).getByLabelText(/^Subject/) as HTMLInputElement).value).toBe(''));
    await hl.update({ user: { id: 'u1', name: 'Ada' } });
    const again = await ui.findByRole('form', { name: 'Submit a ticket' });
    await waitFor(() =>
      expect((within(again).getByLabelText(/^Subject/) as HTMLInputElement).value).toBe('Exports are empty'),
    );
  });

  it("does not put newMessage's chat text into a later ticket's description", async () => {
    const { ui, hl } = mountWidget();
    await hl.newMessage('Sent as a chat message');
    await ui.findByRole('textbox', { name: 'Message' });
    await hl.newTicket({ subject: 'Export fails' });
    const form = await ui.findByRole('form', { name: 'Submit a ticket' });
    expect((within(form).getByLabelText(/^Subject/) as HTMLInputElement).value).toBe('Export fails');
    expect((within(form).getByLabelText(/^Description/) as HTMLTextAreaElement).value).toBe('');
  });

  it("puts prefill's text into the ticket's description", async () => {
    const { ui, hl } = mountWidget();
    await hl.prefill({ text: 'Steps to reproduce' });
    await hl.newTicket();
    const form = await ui.findByRole('form', { name: 'Submit a ticket' });
    expect((within(form).getByLabelText(/^Description/) as HTMLTextAreaElement).value).toBe('Steps to reproduce');
  });
});
