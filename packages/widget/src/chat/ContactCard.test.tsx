import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderView } from '../../test/render-view.js';
import { startConversation } from '../../test/start-conversation.js';
import { ChatView } from './ChatView.js';

describe('"Get notified by email" in the chat', () => {
  it('shows only once an unnamed visitor has written, saves the email for the agent, and says where replies go', async () => {
    const empty = renderView(ChatView, { name: 'chat' });
    await empty.findByRole('textbox', { name: 'Message' });
    expect(empty.queryByText('Get notified by email')).toBeNull();
    empty.unmount();

    const { findByText, findByRole, getByRole, getByTestId, agent, conversationId } = await startConversation();
    expect(await findByText('Get notified by email')).toBeTruthy();
    expect(await findByText('If you leave, we’ll reply by email.')).toBeTruthy();
    expect(getByTestId('chat-live').textContent).toBe('You can leave your email below, so our reply reaches you.');
    const email = getByRole('textbox', { name: 'Email' });
    // It does not take focus: the visitor stays where they were writing.
    expect(document.activeElement).not.toBe(email);
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('email');
    fireEvent.input(email, { target: { value: 'ada@example.com' } });
    fireEvent.click(getByRole('button', { name: 'Save' }));

    const status = await findByRole('status');
    expect(status.textContent).toBe('We’ll email you at ada@example.com.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Change'));
    expect(agent.visitorContact(conversationId)).toMatchObject({ email: 'ada@example.com' });

    fireEvent.click(getByRole('button', { name: 'Change' }));
    await waitFor(() => expect(document.activeElement).toBe(getByRole('textbox', { name: 'Email' })));
    expect((getByRole('textbox', { name: 'Email' }) as HTMLInputElement).value).toBe('ada@example.com');
  });

  it('stresses the email reply while the team is away', async () => {
    const { findByText, client } = await startConversation('Are you there?', {}, { memory: { availability: 'away' } });
    // As the launcher does: opening the panel fetches the availability.
    await client.open();
    expect(
      await findByText('We’re away right now. Leave your email and we’ll reply there as soon as we’re back.'),
    ).toBeTruthy();
  });

  it('says what is wrong with the email, on the field', async () => {
    const { findByRole, getByRole, agent, conversationId } = await startConversation();
    const email = await findByRole('textbox', { name: 'Email' });
    fireEvent.input(email, { target: { value: 'ada at example' } });
    fireEvent.click(getByRole('button', { name: 'Save' }));
    const alert = await findByRole('alert');
    expect(alert.textContent).toBe('Enter an email address, such as name@example.com.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(alert.id);
    expect(agent.visitorContact(conversationId)).toBeUndefined();
  });

  it('goes away for good with No thanks, leaving focus in the message box', async () => {
    const { findByRole, getByRole, queryByText, client } = await startConversation();
    fireEvent.click(await findByRole('button', { name: 'No thanks' }));
    await waitFor(() => expect(queryByText('Get notified by email')).toBeNull());
    expect(document.activeElement).toBe(getByRole('textbox', { name: 'Message' }));
    expect(client.contact.asks.value).toBe(false);
  });

  it('is not shown when the host gave the user’s email, nor when the backend cannot take one', async () => {
    const named = await startConversation('Hi', { user: { id: 'u1', email: 'ada@example.com' } });
    await named.findByText('Hi');
    expect(named.queryByText('Get notified by email')).toBeNull();
    named.unmount();

    const without = await startConversation('Hello', {}, { capabilities: { contact: false } });
    await without.findByText('Hello');
    expect(without.queryByText('Get notified by email')).toBeNull();
  });

  it('speaks Arabic, the email itself written left to right', async () => {
    const { findByText, getByRole } = await startConversation('مرحبا', {}, { locale: 'ar', boxName: 'الرسالة' });
    expect(await findByText('تلقَّ إشعارًا بالبريد الإلكتروني')).toBeTruthy();
    expect(getByRole('textbox', { name: 'البريد الإلكتروني' }).getAttribute('dir')).toBe('ltr');
    expect(getByRole('button', { name: 'حفظ' })).toBeTruthy();
  });
});
