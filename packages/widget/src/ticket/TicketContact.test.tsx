import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderView } from '../../test/render-view.js';
import { TicketView } from './TicketView.js';

/** A form whose only custom field is none, so a subject is all a ticket needs besides the email. */
async function openForm(options: Parameters<typeof renderView>[2] = {}) {
  const setup = renderView(
    TicketView,
    { name: 'ticket' },
    { ...options, memory: { ticketForm: {}, ...options.memory } },
  );
  await setup.findByRole('form', { name: 'Submit a ticket' });
  fireEvent.input(setup.getByLabelText(/^Subject/), { target: { value: 'Invoices will not export' } });
  return setup;
}

describe('the ticket form’s Email for a visitor the host has not named', () => {
  it('is optional by default, says replies go there, and is saved with the ticket', async () => {
    const { getByRole, findByRole, agent } = await openForm();
    const email = getByRole('textbox', { name: 'Your email' });
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('email');
    expect(email.getAttribute('aria-required')).toBeNull();
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'We’ll send our reply to this address.',
    );
    fireEvent.input(email, { target: { value: 'ada@example.com' } });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    await findByRole('heading', { name: 'Ticket submitted' });
    const [stored] = agent.tickets();
    expect(agent.visitorContact(stored?.ticket.id ?? '')).toMatchObject({ email: 'ada@example.com' });
  });

  it('is required where the backend says so, naming the field when missing or not an email', async () => {
    const { getByRole, getByLabelText, findByText, agent } = await openForm({
      memory: { ticketForm: { contactRequired: true } },
    });
    const email = getByLabelText(/^Your email/);
    expect(email.getAttribute('aria-required')).toBe('true');
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    expect(await findByText('Your email is required')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);

    fireEvent.input(email, { target: { value: 'ada at example' } });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    expect(await findByText('Your email is not valid')).toBeTruthy();
    await waitFor(() => expect(agent.tickets()).toHaveLength(0));
  });

  it('is not there when the host gave the user’s email, nor when the backend cannot take one', async () => {
    const named = await openForm({ options: { user: { id: 'u1', email: 'ada@example.com' } } });
    expect(named.queryByLabelText(/^Your email/)).toBeNull();
    named.unmount();
    const without = await openForm({ capabilities: { contact: false } });
    expect(without.queryByLabelText(/^Your email/)).toBeNull();
  });

  it('speaks German', async () => {
    const { findByRole } = renderView(TicketView, { name: 'ticket' }, { locale: 'de' });
    expect(await findByRole('textbox', { name: 'Deine E-Mail-Adresse' })).toBeTruthy();
  });
});
