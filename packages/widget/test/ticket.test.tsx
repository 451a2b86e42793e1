import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
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
});
