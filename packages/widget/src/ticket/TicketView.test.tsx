import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { holdUploads } from '../../test/hold-uploads.js';
import { renderView } from '../../test/render-view.js';
import { TicketView } from './TicketView.js';

async function openForm(options: Parameters<typeof renderView>[2] = {}) {
  const setup = renderView(TicketView, { name: 'ticket' }, options);
  await setup.findByRole('form', { name: 'Submit a ticket' });
  return setup;
}

describe('ticket form', () => {
  it('names a missing required custom field, marks it invalid and focuses it', async () => {
    const { getByLabelText, getByRole, findByText } = await openForm();
    fireEvent.input(getByLabelText(/^Subject/), { target: { value: 'Invoices will not export' } });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    expect(await findByText('Affected area is required')).toBeTruthy();
    const area = getByLabelText(/^Affected area/);
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(area.getAttribute('aria-describedby')).toBe('hl-field-area-error');
    expect(document.activeElement).toBe(area);
  });

  it('refuses a too-short subject before anything is sent', async () => {
    const { getByLabelText, getByRole, findByText, agent } = await openForm();
    fireEvent.input(getByLabelText(/^Subject/), { target: { value: 'x' } });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    expect(await findByText('Subject needs at least 3 characters')).toBeTruthy();
    expect(document.activeElement).toBe(getByLabelText(/^Subject/));
    expect(agent.tickets()).toHaveLength(0);
  });

  it('describes severities in plain words with the first response they imply', async () => {
    const { getByRole } = await openForm();
    const severity = getByRole('group', { name: 'How bad is it?' });
    expect(
      within(severity).getByRole('radio', { name: /Everything is down.*First response within 15 minutes/ }),
    ).toBeTruthy();
    expect(within(severity).getByRole('radio', { name: /A question or request/ })).toBeTruthy();
  });

  it('shows only the fields of the chosen category', async () => {
    const { getByLabelText, queryByLabelText } = await openForm();
    expect(queryByLabelText(/^Invoice number/)).toBeNull();
    fireEvent.change(getByLabelText('Category'), { target: { value: 'billing_access' } });
    expect(getByLabelText(/^Invoice number/)).toBeTruthy();
  });

  it('previews the diagnostics with secrets redacted', async () => {
    window.history.replaceState({}, '', '/billing?token=secret123&tab=open');
    const { getByRole } = await openForm();
    fireEvent.click(getByRole('button', { name: 'Preview' }));
    const preview = getByRole('group', { name: 'Shared diagnostics' });
    expect(preview.textContent).toContain('/billing');
    expect(preview.textContent).not.toContain('secret123');
  });

  it('submits and confirms with the reference and the expected first response', async () => {
    const { getByLabelText, getByRole, findByRole, agent } = await openForm();
    fireEvent.input(getByLabelText(/^Subject/), { target: { value: 'Payments page is blank' } });
    fireEvent.input(getByLabelText('Description'), { target: { value: 'Since this morning' } });
    fireEvent.click(getByRole('radio', { name: /A major feature is broken/ }));
    fireEvent.change(getByLabelText(/^Affected area/), { target: { value: 'payments' } });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    const heading = await findByRole('heading', { name: 'Ticket submitted' });
    const confirmation = heading.closest('[role="status"]') as HTMLElement;
    const [stored] = agent.tickets();
    expect(stored?.ticket.severity).toBe('P1');
    expect(stored?.ticket.fields).toEqual({ area: 'payments' });
    expect(confirmation.textContent).toContain(stored?.ticket.reference ?? stored?.ticket.id);
    expect(confirmation.textContent).toMatch(/Expect a first response within/);
  });

  it('says a card number in the description will be hidden, and submits it hidden', async () => {
    const { getByLabelText, getByRole, findByRole, findByText, agent } = await openForm();
    fireEvent.input(getByLabelText(/^Subject/), { target: { value: 'Charged twice' } });
    fireEvent.input(getByLabelText('Description'), { target: { value: 'Card 4111 1111 1111 1111, twice' } });
    expect(await findByText('Card numbers and access codes are hidden when you send this.')).toBeTruthy();
    fireEvent.change(getByLabelText(/^Affected area/), { target: { value: 'payments' } });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    await findByRole('heading', { name: 'Ticket submitted' });
    expect(agent.tickets()[0]?.ticket.description).toBe('Card [card], twice');
  });

  it('keeps the form filled and offers retry when submitting fails', async () => {
    const { getByLabelText, getByRole, findByRole, agent } = await openForm();
    fireEvent.input(getByLabelText(/^Subject/), { target: { value: 'Reports are empty' } });
    fireEvent.change(getByLabelText(/^Affected area/), { target: { value: 'reports' } });
    agent.failNext(401);
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    expect((await findByRole('alert')).textContent).toContain('Your session has ended. Reload the page and try again.');
    expect((getByLabelText(/^Subject/) as HTMLInputElement).value).toBe('Reports are empty');
  });

  it('moves focus to Attach files when a file is removed, instead of losing it with the Remove button', async () => {
    const { getByTestId, findByRole, getByRole } = await openForm();
    fireEvent.change(getByTestId('file-input'), {
      target: { files: [new File(['log'], 'export.log', { type: 'text/plain' })] },
    });
    const remove = await findByRole('button', { name: 'Remove export.log' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(remove.isConnected).toBe(false));
    expect(document.activeElement).toBe(getByRole('button', { name: 'Attach files' }));
  });

  it('waits for a file still uploading when submitted, says so, and submits the ticket with it', async () => {
    const setup = await openForm();
    const { getByLabelText, getByRole, getByTestId, findByRole, findByText, agent } = setup;
    const upload = holdUploads(setup.adapter);
    fireEvent.input(getByLabelText(/^Subject/), { target: { value: 'Export drops rows' } });
    fireEvent.change(getByLabelText(/^Affected area/), { target: { value: 'reports' } });
    const file = new File(['row 1\nrow 2'], 'export.txt', { type: 'text/plain' });
    fireEvent.change(getByTestId('file-input'), { target: { files: [file] } });
    await findByRole('progressbar', { name: 'Uploading export.txt' });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));

    const waiting = await findByText('Waiting for files to finish uploading…');
    expect(waiting.getAttribute('role')).toBe('status');
    expect(getByRole('button', { name: 'Submitting…' }).getAttribute('aria-disabled')).toBe('true');
    // Typed while the file uploads: it goes with the ticket too.
    fireEvent.input(getByLabelText('Description'), { target: { value: 'Since the last release' } });
    expect(agent.tickets()).toHaveLength(0);

    upload.release();
    await findByRole('heading', { name: 'Ticket submitted' });
    const [stored] = agent.tickets();
    expect(stored?.ticket.attachments.map((attached) => attached.name)).toEqual(['export.txt']);
    expect(stored?.ticket.description).toBe('Since the last release');
  });

  it('stops the submit at a file that did not upload, keeps the form, and sends once the file is tried again', async () => {
    const setup = await openForm();
    const { getByLabelText, getByRole, getByTestId, findByRole, findByText, queryByText, agent } = setup;
    const upload = holdUploads(setup.adapter);
    fireEvent.input(getByLabelText(/^Subject/), { target: { value: 'Export drops rows' } });
    fireEvent.change(getByLabelText(/^Affected area/), { target: { value: 'reports' } });
    fireEvent.change(getByTestId('file-input'), {
      target: { files: [new File(['row 1'], 'export.txt', { type: 'text/plain' })] },
    });
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    await findByText('Waiting for files to finish uploading…');

    upload.fail();
    const stopped = await findByText(/^Not sent yet: a file was not uploaded/);
    expect(stopped.getAttribute('role')).toBe('alert');
    expect(await findByText(/^export\.txt was not uploaded: /)).toBeTruthy();
    await waitFor(() =>
      expect(getByRole('button', { name: 'Submit ticket' }).getAttribute('aria-disabled')).toBe('false'),
    );
    expect(agent.tickets()).toHaveLength(0);
    expect((getByLabelText(/^Subject/) as HTMLInputElement).value).toBe('Export drops rows');
    expect(getByRole('button', { name: 'Remove export.txt' })).toBeTruthy();

    fireEvent.click(getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(queryByText(/was not uploaded/)).toBeNull());
    expect(queryByText(/^Not sent yet/)).toBeNull();
    fireEvent.click(getByRole('button', { name: 'Submit ticket' }));
    await findByRole('heading', { name: 'Ticket submitted' });
    expect(agent.tickets()[0]?.ticket.attachments.map((attached) => attached.name)).toEqual(['export.txt']);
  });

  it('keeps the draft when the form is opened again', async () => {
    const first = await openForm();
    fireEvent.input(first.getByLabelText(/^Subject/), { target: { value: 'Half written subject' } });
    first.unmount();
    first.rerenderView({ name: 'ticket' });
    await first.findByRole('form', { name: 'Submit a ticket' });
    expect((first.getByLabelText(/^Subject/) as HTMLInputElement).value).toBe('Half written subject');
  });

  it('shows the form in Arabic, right to left strings included', async () => {
    const { findByText } = await openForm({ locale: 'ar' });
    expect(await findByText('كل شيء متوقف')).toBeTruthy();
    expect(await findByText('إرسال التذكرة')).toBeTruthy();
  });
});
