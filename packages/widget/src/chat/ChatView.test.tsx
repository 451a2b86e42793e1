import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { holdUploads } from '../../test/hold-uploads.js';
import { renderView } from '../../test/render-view.js';
import { startConversation } from '../../test/start-conversation.js';
import { focusInto } from '../shell/focusable.js';
import { ChatView } from './ChatView.js';

describe('chat view', () => {
  it('sends the first message with Enter and shows it once delivered', async () => {
    const { findByText, queryByText, agent, conversationId } = await startConversation();
    await waitFor(() => expect(queryByText('Sending…')).toBeNull());
    expect(await findByText('You')).toBeTruthy();
    expect(agent.conversations()[0]?.messages[0]?.body).toBe('Hello there, my export is broken');
    expect(agent.lastContext(conversationId)).toBeDefined();
  });

  it('keeps Shift+Enter as a newline instead of sending', () => {
    const { getByRole, client } = renderView(ChatView, { name: 'chat' });
    const box = getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(client.chat.thread(undefined).value.pending).toHaveLength(0);
  });

  it('keeps a message pending while a server error is retried', async () => {
    const { findByText, agent, client, conversationId } = await startConversation();
    agent.failNext(500);
    await client.chat.send({ conversationId, body: 'are you there?' });
    const pending = (await findByText('are you there?')).closest('li');
    expect(pending?.className).toContain('hl-msg--pending');
    expect(pending?.textContent).toContain('Sending…');
  });

  it('shows a failed message with its error, and Retry delivers it', async () => {
    const { getByRole, findByRole, findByText, queryByRole, agent, client, conversationId } = await startConversation();
    // Sent directly: typing notifications from the composer would take the injected fault first.
    agent.failNext('malformed');
    await client.chat.send({ conversationId, body: 'second try' });
    const alert = await findByRole('alert');
    // In the user's words, not the adapter's English message for developers.
    expect(alert.textContent).toContain('Not sent: Support is having trouble right now. Please try again.');
    fireEvent.click(getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(queryByRole('alert')).toBeNull());
    expect(await findByText('second try')).toBeTruthy();
    await waitFor(() =>
      expect(
        agent
          .conversations()
          .find((c) => c.conversation.id === conversationId)
          ?.messages.at(-1)?.body,
      ).toBe('second try'),
    );
  });

  it('lets a failed message be discarded', async () => {
    const { getByRole, findByRole, queryByText, agent, client, conversationId } = await startConversation();
    agent.failNext(401);
    await client.chat.send({ conversationId, body: 'throw me away' });
    await findByRole('alert');
    fireEvent.click(getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(queryByText('throw me away')).toBeNull());
  });

  it('shows a signed-in user’s unsent message without its text once the page names nobody, with Try again only', async () => {
    const ada = { id: 'u1', name: 'Ada' };
    const setup = await startConversation('Hello', { user: ada });
    setup.agent.failNext('malformed');
    await setup.client.chat.send({ conversationId: setup.conversationId, body: 'Ada’s question' });
    await setup.findByRole('alert');

    // The host app signed Ada out without Helpline's logout: whoever is here now sees only that it waits.
    await setup.client.update({ user: undefined });
    await waitFor(() => expect(setup.getByRole('alert').textContent).toContain('Sign in again to send it.'));
    expect(setup.queryByText('Ada’s question')).toBeNull();
    expect(setup.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(setup.queryByRole('button', { name: 'Discard' })).toBeNull();

    await setup.client.update({ user: ada });
    expect(await setup.findByText('Ada’s question')).toBeTruthy();
  });

  it('restores the draft after the view is rendered again', () => {
    const first = renderView(ChatView, { name: 'chat' });
    fireEvent.input(first.getByRole('textbox', { name: 'Message' }), { target: { value: 'half a thought' } });
    first.unmount();
    first.rerenderView({ name: 'chat' });
    expect((first.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('half a thought');
  });

  it('shows agent typing, the reply, and announces it in the live region', async () => {
    const { findByText, getByText, getByTestId, agent, conversationId } = await startConversation();
    await agent.typing(conversationId, true);
    expect(await findByText('Sam from Support is typing…')).toBeTruthy();
    expect(getByText('Sam from Support is typing…').parentElement?.getAttribute('aria-live')).toBe('polite');
    await agent.reply(conversationId, 'Let me check that for you');
    expect(await findByText('Let me check that for you')).toBeTruthy();
    await waitFor(() =>
      expect(getByTestId('chat-live').textContent).toBe('New message from Sam from Support: Let me check that for you'),
    );
    expect(getByTestId('chat-live').getAttribute('aria-live')).toBe('polite');
    // Replying means the agent read the thread: the user's last message shows as seen.
    expect(await findByText('Seen')).toBeTruthy();
  });

  it('renders a hostile agent message as text and links URLs safely', async () => {
    const { findByText, container, agent, conversationId } = await startConversation();
    await agent.reply(conversationId, '<img src=x onerror=alert(1)> see https://example.com/help.');
    const body = await findByText(/<img src=x onerror=alert\(1\)>/);
    expect(container.querySelector('img')).toBeNull();
    const link = body.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/help');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('target')).toBe('_blank');
  });

  it('shows the away banner and still accepts the message, then keeps it to one line in the conversation', async () => {
    const { findByText, getByRole, getByText, queryByText, client, rerenderView } = renderView(
      ChatView,
      { name: 'chat' },
      { memory: { availability: 'away' } },
    );
    // As the launcher does: opening the panel connects and fetches the availability.
    await client.open({ name: 'chat' });
    expect(await findByText('We’re away right now.')).toBeTruthy();
    // The banner says when to expect a reply: the intro promises nothing on top of it.
    expect(getByText('Ask us anything.')).toBeTruthy();
    expect(queryByText(/We usually reply in a few minutes/)).toBeNull();
    expect(getByText('You can still send your message; we’ll reply as soon as we’re back.')).toBeTruthy();
    const box = getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Are you there?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    rerenderView({ name: 'chat', conversationId: client.chat.conversations.value[0]!.id });
    await findByText('Are you there?');
    expect(getByText('We’re away right now.')).toBeTruthy();
    expect(queryByText(/You can still send your message/)).toBeNull();
  });

  it('asks for a rating once the agent resolves the conversation, says so, then thanks', async () => {
    const { findByText, getByLabelText, getByRole, getByTestId, agent, conversationId } = await startConversation();
    await agent.resolve(conversationId);
    expect(await findByText('How did we do?')).toBeTruthy();
    await waitFor(() =>
      expect(getByTestId('chat-live').textContent).toBe('This conversation is resolved. You can rate it below.'),
    );
    fireEvent.click(getByLabelText('Excellent'));
    fireEvent.input(getByLabelText('Anything to add? (optional)'), { target: { value: 'Quick and kind' } });
    fireEvent.click(getByRole('button', { name: 'Send rating' }));
    expect(await findByText('Thanks for your feedback!')).toBeTruthy();
  });

  it('lets the visitor end the chat after confirming it, then asks for a rating', async () => {
    const { getByRole, findByRole, findByText, queryByRole, agent, conversationId } = await startConversation();
    fireEvent.click(await findByRole('button', { name: 'End chat' }));
    const question = getByRole('group', { name: 'End this conversation? If you write again, it opens again.' });
    const confirm = question.querySelector('button') as HTMLButtonElement;
    expect(document.activeElement).toBe(confirm);

    // Keeping on chatting changes nothing and hands focus back.
    fireEvent.click(getByRole('button', { name: 'Keep chatting' }));
    const endChat = getByRole('button', { name: 'End chat' });
    expect(document.activeElement).toBe(endChat);
    expect(agent.conversations()[0]?.conversation.status).toBe('open');

    fireEvent.click(endChat);
    fireEvent.click(getByRole('button', { name: 'End chat' }));
    expect((await findByText('You ended this conversation.')).getAttribute('role')).toBe('status');
    expect(await findByText('How did we do?')).toBeTruthy();
    expect(agent.conversations()[0]?.conversation.status).toBe('resolved');
    expect(queryByRole('button', { name: 'End chat' })).toBeNull();
    expect(queryByRole('group', { name: /End this conversation/ })).toBeNull();
    expect(conversationId).toBe(agent.conversations()[0]?.conversation.id);
  });

  it('keeps the chat open and says why when it cannot be ended', async () => {
    const { getByRole, findByRole, queryByText, agent } = await startConversation();
    fireEvent.click(await findByRole('button', { name: 'End chat' }));
    agent.failNext(500);
    fireEvent.click(getByRole('button', { name: 'End chat' }));
    expect((await findByRole('alert')).textContent).toBe('Support is having trouble right now. Please try again.');
    expect(queryByText('You ended this conversation.')).toBeNull();
    expect(agent.conversations()[0]?.conversation.status).toBe('open');
    fireEvent.click(getByRole('button', { name: 'End chat' }));
    await waitFor(() => expect(agent.conversations()[0]?.conversation.status).toBe('resolved'));
  });

  it('offers no "End chat" where the host turns it off, nor on a new or resolved chat', async () => {
    const off = await startConversation('Hello', { features: { endChat: false } });
    expect(off.queryByRole('button', { name: 'End chat' })).toBeNull();
    off.unmount();
    const { queryByRole, findByRole, agent, conversationId, rerenderView } = await startConversation();
    expect(await findByRole('button', { name: 'End chat' })).toBeTruthy();
    await agent.resolve(conversationId);
    await waitFor(() => expect(queryByRole('button', { name: 'End chat' })).toBeNull());
    rerenderView({ name: 'chat' });
    expect(queryByRole('button', { name: 'End chat' })).toBeNull();
  });

  it('uploads an attached file, shows it, and lets it be removed', async () => {
    const { getByTestId, findByRole, queryByText } = renderView(ChatView, { name: 'chat' });
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(getByTestId('file-input'), { target: { files: [file] } });
    fireEvent.click(await findByRole('button', { name: 'Remove notes.txt' }));
    await waitFor(() => expect(queryByText('notes.txt')).toBeNull());
  });

  it('sends a message whose file is still uploading once the file is up, with the file', async () => {
    const setup = renderView(ChatView, { name: 'chat' });
    const { getByRole, getByTestId, findByRole, findByText, agent } = setup;
    const upload = holdUploads(setup.adapter);
    const box = getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.change(getByTestId('file-input'), {
      target: { files: [new File(['trace'], 'export.log', { type: 'text/plain' })] },
    });
    await findByRole('progressbar', { name: 'Uploading export.log' });
    fireEvent.input(box, { target: { value: 'The log of the failed export' } });
    fireEvent.keyDown(box, { key: 'Enter' });

    expect((await findByText('Waiting for files to finish uploading…')).getAttribute('role')).toBe('status');
    expect(box.value).toBe('The log of the failed export');
    expect(agent.conversations()).toHaveLength(0);
    upload.release();
    await waitFor(() =>
      expect(agent.conversations()[0]?.messages[0]?.attachments.map((file) => file.name)).toEqual(['export.log']),
    );
    expect(agent.conversations()[0]?.messages[0]?.body).toBe('The log of the failed export');
    await waitFor(() => expect(box.value).toBe(''));
  });

  it('sends the files once when Enter is pressed twice in a row', async () => {
    const setup = renderView(ChatView, { name: 'chat' });
    const box = setup.getByRole('textbox', { name: 'Message' });
    fireEvent.change(setup.getByTestId('file-input'), {
      target: { files: [new File(['trace'], 'export.log', { type: 'text/plain' })] },
    });
    await setup.findByRole('progressbar', { name: 'Uploading export.log' });
    await waitFor(() => expect(setup.queryByRole('progressbar')).toBeNull());
    fireEvent.input(box, { target: { value: 'The log' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(setup.agent.conversations()[0]?.messages).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const messages = setup.agent.conversations().flatMap((conversation) => conversation.messages);
    expect(messages.map((message) => [message.body, message.attachments.length])).toEqual([['The log', 1]]);
  });

  it('does not send a message whose file did not upload, keeps its text and offers the file again', async () => {
    const setup = renderView(ChatView, { name: 'chat' });
    const { getByRole, getByTestId, findByText, agent } = setup;
    const upload = holdUploads(setup.adapter);
    const box = getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.change(getByTestId('file-input'), {
      target: { files: [new File(['trace'], 'export.log', { type: 'text/plain' })] },
    });
    fireEvent.input(box, { target: { value: 'The log of the failed export' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await findByText('Waiting for files to finish uploading…');

    upload.fail();
    expect((await findByText(/^Not sent yet: a file was not uploaded/)).getAttribute('role')).toBe('alert');
    expect(box.value).toBe('The log of the failed export');
    expect(agent.conversations()).toHaveLength(0);
    expect(getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(getByRole('button', { name: 'Remove export.log' })).toBeTruthy();
  });

  it('refuses a file of a type the backend does not accept and says why', async () => {
    const { getByTestId, findByRole } = renderView(ChatView, { name: 'chat' });
    const file = new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' });
    fireEvent.change(getByTestId('file-input'), { target: { files: [file] } });
    expect((await findByRole('alert')).textContent).toBe(
      'setup.exe was not uploaded: files of this type are not accepted',
    );
  });

  it('offers instant answers for the first message and "I still need help" dismisses them', async () => {
    const { getByRole, findByRole, queryByRole } = renderView(ChatView, { name: 'chat' });
    fireEvent.input(getByRole('textbox', { name: 'Message' }), { target: { value: 'How do I reset my password?' } });
    const answers = await findByRole(
      'region',
      { name: 'These articles might answer your question' },
      { timeout: 3000 },
    );
    expect(answers.textContent).toMatch(/Read article/);
    // In the thread above the composer, not in the form that holds the box being typed in.
    expect(answers.closest('form')).toBeNull();
    expect(answers.closest('.hl-chat__scroller')).toBeTruthy();
    fireEvent.click(getByRole('button', { name: 'I still need help' }));
    await waitFor(() =>
      expect(queryByRole('region', { name: 'These articles might answer your question' })).toBeNull(),
    );
    expect((getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe(
      'How do I reset my password?',
    );
  });

  it('lets the user preview the diagnostics before the first message', async () => {
    const { getByRole, getByLabelText } = renderView(ChatView, { name: 'chat' });
    const include = getByLabelText('Include diagnostics') as HTMLInputElement;
    expect(include.checked).toBe(true);
    // The label stays true when unticked.
    fireEvent.click(include);
    expect((getByLabelText('Include diagnostics') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(getByRole('button', { name: 'Preview' }));
    expect(getByRole('group', { name: 'Shared diagnostics' })).toBeTruthy();
  });

  it('says in the preview that the page the user is on is shared while the chat is open, unless the host keeps navigation out', async () => {
    const note = /While this chat is open, the agent also sees which page you are on/;
    const shared = renderView(ChatView, { name: 'chat' });
    fireEvent.click(shared.getByRole('button', { name: 'Preview' }));
    expect(shared.getByRole('group', { name: 'Shared diagnostics' }).textContent).toMatch(note);
    shared.unmount();
    const kept = renderView(
      ChatView,
      { name: 'chat' },
      { options: { privacy: { breadcrumbs: { navigation: false } } } },
    );
    fireEvent.click(kept.getByRole('button', { name: 'Preview' }));
    expect(kept.getByRole('group', { name: 'Shared diagnostics' }).textContent).not.toMatch(note);
  });

  it('tells the agent which page the user moved to while the chat is open', async () => {
    window.history.replaceState(null, '', '/billing');
    const { agent, conversationId } = await startConversation();
    window.history.pushState(null, '', '/settings?token=abc123');
    await waitFor(() => expect(agent.conversations()[0]?.visitorPage?.path).toBe('/settings?token=[redacted]'), {
      timeout: 3000,
    });
    expect(agent.conversations()[0]?.conversation.id).toBe(conversationId);
  });

  it('"This solved it" thanks the user and keeps what they typed', async () => {
    const { getByRole, findByRole, findByText, agent } = renderView(ChatView, { name: 'chat' });
    fireEvent.input(getByRole('textbox', { name: 'Message' }), { target: { value: 'How do I reset my password?' } });
    await findByRole('region', { name: 'These articles might answer your question' }, { timeout: 3000 });
    fireEvent.click(getByRole('button', { name: 'This solved it' }));
    expect(await findByText('Glad that helped!')).toBeTruthy();
    expect((getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe(
      'How do I reset my password?',
    );
    await waitFor(() => expect(agent.events().some((event) => JSON.stringify(event).includes('answer'))).toBe(true));
  });

  it('takes focus in the message box when the chat opens', () => {
    const { container, getByRole } = renderView(ChatView, { name: 'chat' });
    focusInto(container, null);
    expect(document.activeElement).toBe(getByRole('textbox', { name: 'Message' }));
  });

  it('keeps focus and the text typed meanwhile in the composer when the new chat becomes its conversation', async () => {
    const setup = renderView(ChatView, { name: 'chat' });
    await setup.client.open({ name: 'chat' });
    const box = setup.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'The first message' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.input(box, { target: { value: 'and a second thought' } });
    const conversation = await waitFor(() => {
      const [first] = setup.client.chat.conversations.value;
      if (!first) throw new Error('no conversation yet');
      return first;
    });
    // As the panel does once the backend gives the chat its id: the thread is rendered anew.
    setup.rerenderView({ name: 'chat', conversationId: conversation.id });
    const next = setup.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(next).not.toBe(box);
    expect(document.activeElement).toBe(next);
    expect(next.value).toBe('and a second thought');
  });

  it('holds a message to what the backend accepts and counts down near the limit', async () => {
    const { getByRole, findByText, queryByRole, client } = renderView(ChatView, { name: 'chat' });
    const box = getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(box.maxLength).toBe(10_000);
    fireEvent.input(box, { target: { value: 'a'.repeat(9_999) } });
    expect(await findByText('1 character left')).toBeTruthy();
    expect(box.getAttribute('aria-describedby')).toBe('hl-composer-count');
    // A draft set from outside the box can be longer: it says so instead of failing to send.
    client.chat.setDraft('new', 'a'.repeat(10_005));
    expect(await findByText('5 characters too many')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.chat.thread(undefined).value.pending).toHaveLength(0);
    expect(queryByRole('alert')).toBeNull();
  });

  it('says a card number will be hidden while it is typed, and sends it hidden', async () => {
    const { getByRole, queryByText, findByText, agent } = renderView(ChatView, { name: 'chat' });
    const box = getByRole('textbox', { name: 'Message' });
    const note = 'Card numbers and access codes are hidden when you send this.';
    fireEvent.input(box, { target: { value: 'charged twice on 4242 4242 4242' } });
    expect(queryByText(note)).toBeNull();
    fireEvent.input(box, { target: { value: 'charged twice on 4242 4242 4242 4242' } });
    expect((await findByText(note)).closest('[aria-live]')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await findByText('charged twice on [card]')).toBeTruthy();
    await waitFor(() => expect(agent.conversations()[0]?.messages[0]?.body).toBe('charged twice on [card]'));
    expect(queryByText(note)).toBeNull();
  });

  it('asks for instant answers with at most the 500 characters a question may have', async () => {
    const { getByRole, adapter, client } = renderView(ChatView, { name: 'chat' });
    const asked = vi.spyOn(adapter, 'answer');
    const errors: unknown[] = [];
    client.on('error', (error) => errors.push(error));
    fireEvent.input(getByRole('textbox', { name: 'Message' }), {
      target: { value: `How do I reset my password? ${'Some more detail. '.repeat(80)}` },
    });
    await waitFor(() => expect(asked).toHaveBeenCalled(), { timeout: 3000 });
    expect(asked.mock.calls[0]?.[0]).toHaveLength(500);
    expect(errors).toEqual([]);
  });

  it('says why a message was not sent in the locale of the widget', async () => {
    const setup = await startConversation('Hallo', {}, { locale: 'de', boxName: 'Nachricht' });
    setup.agent.failNext('malformed');
    await setup.client.chat.send({ conversationId: setup.conversationId, body: 'Noch eine Frage' });
    const alert = await setup.findByRole('alert');
    expect(alert.textContent).toContain('Nicht gesendet: Beim Support gibt es gerade ein Problem.');
    expect(alert.textContent).not.toMatch(/failed|malformed/i);
  });

  it('speaks Arabic when the locale is ar', async () => {
    const { findByRole } = renderView(ChatView, { name: 'chat' }, { locale: 'ar' });
    expect(await findByRole('textbox', { name: 'الرسالة' })).toBeTruthy();
    expect(await findByRole('button', { name: 'إرسال' })).toBeTruthy();
  });

  it('offers ending the chat in Arabic', async () => {
    const { findByRole, getByRole } = await startConversation('مرحبا', {}, { locale: 'ar', boxName: 'الرسالة' });
    fireEvent.click(await findByRole('button', { name: 'إنهاء المحادثة' }));
    expect(getByRole('button', { name: 'متابعة المحادثة' })).toBeTruthy();
  });
});
