import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../testing/fake-fetch.js';
import { at, conversationItem, HOSTILE, hostileSnapshot, message, session, ticketItem } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

afterEach(cleanup);

const queue = { body: { conversations: [conversationItem('c1', { due: 10 })], tickets: [] } };

function conversationRoutes(overrides: Record<string, unknown> = {}) {
  const item = conversationItem('c1', { due: 10 });
  return {
    'GET /me': { body: session },
    'GET /queue': queue,
    'GET /conversations/c1': {
      body: {
        conversation: item.conversation,
        messages: [
          message({
            id: 'm1',
            conversationId: 'c1',
            body: `Invoices fail ${HOSTILE} see https://status.example.com/x. and javascript:alert(1)`,
            attachments: [
              { id: 'at1', name: 'screen.png', type: 'image/png', size: 10, url: 'https://files.example.com/s.png' },
              { id: 'at2', name: 'evil.png', type: 'image/png', size: 10, url: 'javascript:alert(1)' },
            ],
          }),
        ],
        context: hostileSnapshot(),
        visitor: { id: 'v1', name: 'Dana', email: 'dana@example.com', verified: true },
      },
    },
    'POST /conversations/c1/typing': { status: 204 },
    ...overrides,
  };
}

async function openConversation(overrides: Record<string, unknown> = {}) {
  const view = renderInbox(conversationRoutes(overrides) as never, { path: '/inbox/conversations/c1' });
  await screen.findByRole('textbox', { name: 'Reply' });
  return view;
}

const composer = (): HTMLTextAreaElement => screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;

describe('thread', () => {
  it('renders a hostile context snapshot and message as text, creating no element from them', async () => {
    const { container } = await openConversation();
    const context = screen.getByRole('complementary', { name: 'Context' });
    expect(within(context).getByText(`Billing ${HOSTILE}`)).toBeTruthy();
    expect(within(context).getByText(`Acme ${HOSTILE}`)).toBeTruthy();
    expect(within(context).getByText(`TypeError ${HOSTILE}`)).toBeTruthy();
    expect(within(context).getByText(`/settings/${HOSTILE}`)).toBeTruthy();
    expect(within(context).getByText(`beta ${HOSTILE}`)).toBeTruthy();
    expect(container.querySelectorAll('[onerror]')).toHaveLength(0);
    // The only image is the real attachment thumbnail.
    const images = [...container.querySelectorAll('img')];
    expect(images.map((image) => image.getAttribute('src'))).toEqual(['https://files.example.com/s.png']);
    expect(within(context).getByText('Enterprise')).toBeTruthy();
    expect(within(context).getByText('42')).toBeTruthy();
  });

  it('highlights failed requests with method, url, status and duration, and leaves successful ones out', async () => {
    await openConversation();
    const errors = screen.getByRole('region', { name: 'Errors' });
    const failed = within(errors).getByText('/api/invoices').closest('li') as HTMLElement;
    expect(failed.textContent).toBe('POST /api/invoices 500 812 ms');
    expect(failed.className).toContain('problem');
    expect(within(errors).queryByText('/api/ok')).toBeNull();
    const trail = screen.getByRole('region', { name: 'Route trail' });
    expect(within(trail).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Tried before asking' }).textContent).toContain('Updating your card');
  });

  it('links only http(s) URLs in messages and attachments', async () => {
    await openConversation();
    const messages = screen.getByRole('list', { name: 'Messages' });
    const links = within(messages).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://status.example.com/x',
      'https://files.example.com/s.png',
    ]);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(messages).getByText('evil.png')).toBeTruthy();
  });

  it('moves focus to the thread heading once it loads', async () => {
    await openConversation();
    const heading = screen.getByRole('heading', { level: 2, name: 'Dana' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('sends a reply on Enter with the CSRF token, shows it and clears the box', async () => {
    const { requests } = await openConversation({
      'POST /conversations/c1/messages': (request: RecordedRequest) => ({
        status: 201,
        body: message({
          id: 'm2',
          conversationId: 'c1',
          author: { type: 'agent', id: 'ag_1', name: 'Alex Agent' },
          body: (request.body as { body: string }).body,
          createdAt: at(0),
        }),
      }),
    });
    fireEvent.input(composer(), { target: { value: 'Looking into it' } });
    fireEvent.keyDown(composer(), { key: 'Enter', shiftKey: true });
    expect(requests.some((request) => request.path.endsWith('/messages'))).toBe(false);
    fireEvent.keyDown(composer(), { key: 'Enter' });
    expect(await screen.findByText('Looking into it')).toBeTruthy();
    const sent = requests.find((request) => request.path === '/conversations/c1/messages');
    expect(sent).toMatchObject({ method: 'POST', body: { body: 'Looking into it' } });
    expect(sent?.headers['x-csrf-token']).toBe('csrf-123');
    expect(composer().value).toBe('');
    const typing = requests.filter((request) => request.path === '/conversations/c1/typing');
    expect(typing.map((request) => request.body)).toEqual([{ typing: true }, { typing: false }]);
    expect(typing[0]?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('keeps the draft and shows the error when the reply is refused', async () => {
    await openConversation({
      'POST /conversations/c1/messages': {
        status: 400,
        body: { error: { code: 'invalid_input', message: 'Reply: body: too long', field: 'body' } },
      },
    });
    fireEvent.input(composer(), { target: { value: 'My long answer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Reply: body: too long');
    expect(composer().value).toBe('My long answer');
  });

  it('keeps an unsent draft per thread while the agent moves around the queue', async () => {
    const { router } = await openConversation({
      'GET /conversations/c2': {
        body: { conversation: conversationItem('c2').conversation, messages: [], context: null, visitor: null },
      },
    });
    fireEvent.input(composer(), { target: { value: 'Half-written answer' } });
    act(() => router.navigate({ view: 'thread', kind: 'conversation', id: 'c2' }));
    await screen.findByRole('heading', { level: 2, name: 'Anonymous visitor' });
    expect(composer().value).toBe('');
    act(() => router.navigate({ view: 'thread', kind: 'conversation', id: 'c1' }));
    await screen.findByRole('heading', { level: 2, name: 'Dana' });
    expect(composer().value).toBe('Half-written answer');
  });

  it("marks only the signed-in agent's own messages as theirs, not a colleague's", async () => {
    await openConversation({
      'GET /conversations/c1': {
        body: {
          conversation: conversationItem('c1').conversation,
          messages: [
            message({ id: 'm1', conversationId: 'c1', body: 'Help' }),
            message({
              id: 'm2',
              conversationId: 'c1',
              author: { type: 'agent', id: 'ag_2', name: 'Sam' },
              body: 'On it',
            }),
            message({ id: 'm3', conversationId: 'c1', author: { type: 'agent', id: 'ag_1', name: 'Alex Agent' } }),
          ],
          context: null,
          visitor: null,
        },
      },
    });
    const authors = [...screen.getByRole('list', { name: 'Messages' }).querySelectorAll('.message-author')];
    expect(authors.map((author) => author.textContent)).toEqual(['Dana', 'Sam', 'Alex Agent (You)']);
  });

  it('lets what customers wrote take its direction from its own text, so right-to-left text reads right', async () => {
    const arabic = 'مرحبا، لا أستطيع تسجيل الدخول';
    await openConversation({
      'GET /queue': {
        body: {
          conversations: [
            {
              ...conversationItem('c1', { due: 10 }),
              conversation: { ...conversationItem('c1').conversation, subject: arabic },
            },
          ],
          tickets: [],
        },
      },
      'GET /conversations/c1': {
        body: {
          conversation: { ...conversationItem('c1').conversation, subject: arabic },
          messages: [message({ id: 'm1', conversationId: 'c1', body: arabic })],
          context: null,
          visitor: null,
        },
      },
    });
    const row = await screen.findByRole('link', { name: new RegExp(arabic) });
    expect(row.querySelector('.queue-title')?.getAttribute('dir')).toBe('auto');
    expect(row.querySelector('.queue-preview')?.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('heading', { level: 2, name: arabic }).getAttribute('dir')).toBe('auto');
    const body = within(screen.getByRole('list', { name: 'Messages' })).getByText(arabic);
    expect(body.closest('[dir]')?.getAttribute('dir')).toBe('auto');
  });

  it('shows the sign-in form, keeping the draft, when a reply is refused because the sign-in is over', async () => {
    let signedIn = true;
    await openConversation({
      'GET /me': () => (signedIn ? { body: session } : { status: 401, body: {} }),
      'POST /conversations/c1/messages': {
        status: 401,
        body: { error: { code: 'unauthorized', message: 'Not signed in' } },
      },
      'POST /login': () => {
        signedIn = true;
        return { body: session };
      },
    });
    signedIn = false;
    fireEvent.input(composer(), { target: { value: 'A careful answer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('heading', { name: 'Sign in to the Helpline inbox' });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'alex@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'secret password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 2, name: 'Dana' });
    expect(composer().value).toBe('A careful answer');
  });

  it("shows the agent's last message as seen once the visitor has read it, live from the event stream", async () => {
    const { store } = await openConversation({
      'GET /conversations/c1': {
        body: {
          conversation: conversationItem('c1').conversation,
          messages: [
            message({ id: 'm1', conversationId: 'c1', body: 'Help', createdAt: at(-10) }),
            message({
              id: 'm2',
              conversationId: 'c1',
              author: { type: 'agent', id: 'ag_1', name: 'Alex Agent' },
              body: 'Try again now',
              createdAt: at(-5),
            }),
          ],
          context: null,
          visitor: null,
          visitorLastReadAt: at(-10),
        },
      },
    });
    expect(screen.queryByText(/Seen by the visitor/)).toBeNull();
    act(() => store.handleEvent({ type: 'read', conversationId: 'c2', reader: 'user', at: at(-1) }));
    act(() => store.handleEvent({ type: 'read', conversationId: 'c1', reader: 'agent', at: at(-1) }));
    expect(screen.queryByText(/Seen by the visitor/)).toBeNull();
    act(() => store.handleEvent({ type: 'read', conversationId: 'c1', reader: 'user', at: at(-1) }));
    const seen = screen.getByText(/Seen by the visitor/);
    expect(seen.closest('li')?.textContent).toContain('Try again now');
  });

  it('assigns the conversation to a colleague and back to nobody, and the queue says who owns it', async () => {
    const colleague = { id: 'ag_2', name: 'Sam', email: 'sam@example.com' };
    let assignee: { type: 'agent'; id: string; name: string } | undefined;
    const conversation = () => ({ ...conversationItem('c1').conversation, ...(assignee ? { assignee } : {}) });
    const { requests } = await openConversation({
      'GET /agents': { body: [session.agent, colleague] },
      'GET /queue': () => ({
        body: {
          conversations: [{ ...conversationItem('c1', { due: 10 }), conversation: conversation() }],
          tickets: [],
        },
      }),
      'PUT /conversations/c1/assignee': (request: RecordedRequest) => {
        const { agentId } = request.body as { agentId: string | null };
        assignee = agentId ? { type: 'agent', id: agentId, name: 'Sam' } : undefined;
        return { body: conversation() };
      },
    });
    const select = screen.getByRole('combobox', { name: 'Assignee' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    await waitFor(() =>
      expect([...select.options].map((option) => option.textContent)).toEqual([
        'Unassigned',
        'Alex Agent (You)',
        'Sam',
      ]),
    );
    fireEvent.change(select, { target: { value: 'ag_2' } });
    await waitFor(() => expect(select.value).toBe('ag_2'));
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ agentId: 'ag_2' });
    expect(put?.headers['x-csrf-token']).toBe('csrf-123');
    const row = screen.getByRole('list', { name: 'Queue' });
    await waitFor(() => expect(row.textContent).toContain('Assignee: Sam'));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(select.value).toBe(''));
    expect(requests.filter((request) => request.method === 'PUT').at(-1)?.body).toEqual({ agentId: null });
    await waitFor(() => expect(row.textContent).not.toContain('Assignee:'));
  });

  it('shows a colleague writing a reply in this thread, never the agent themselves', async () => {
    const { store } = await openConversation();
    const typing = (id: string, name: string, conversationId = 'c1') =>
      act(() =>
        store.handleEvent({ type: 'typing', conversationId, author: { type: 'agent', id, name }, typing: true }),
      );
    typing('ag_1', 'Alex Agent');
    typing('ag_2', 'Sam', 'c2');
    expect(screen.queryByText(/writing a reply/)).toBeNull();
    typing('ag_2', 'Sam');
    expect(screen.getByText('Sam is writing a reply…')).toBeTruthy();
    act(() =>
      store.handleEvent({
        type: 'message',
        message: message({ id: 'm7', conversationId: 'c1', author: { type: 'agent', id: 'ag_2', name: 'Sam' } }),
      }),
    );
    expect(screen.queryByText(/writing a reply/)).toBeNull();
  });

  it('refuses to send an empty reply', async () => {
    const { requests } = await openConversation();
    fireEvent.keyDown(composer(), { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('Write something or attach a file before sending.');
    expect(requests.some((request) => request.path.endsWith('/messages'))).toBe(false);
  });

  it('shows the visitor typing and appends their new message from the event stream', async () => {
    const { store } = await openConversation();
    act(() =>
      store.handleEvent({ type: 'typing', conversationId: 'c1', author: { type: 'user', name: 'Dana' }, typing: true }),
    );
    expect(screen.getByText('Dana is typing…')).toBeTruthy();
    act(() =>
      store.handleEvent({
        type: 'message',
        message: message({ id: 'm9', conversationId: 'c1', body: 'Any news?', createdAt: at(1) }),
      }),
    );
    expect(screen.getByText('Any news?')).toBeTruthy();
    expect(screen.queryByText('Dana is typing…')).toBeNull();
    // The same event twice (a replay after reconnect) shows once.
    act(() =>
      store.handleEvent({
        type: 'message',
        message: message({ id: 'm9', conversationId: 'c1', body: 'Any news?', createdAt: at(1) }),
      }),
    );
    expect(screen.getAllByText('Any news?')).toHaveLength(1);
  });

  it('changes the conversation status', async () => {
    const { requests } = await openConversation({ 'POST /conversations/c1/status': { status: 204 } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'resolved' } });
    await waitFor(() =>
      expect(requests.find((request) => request.path === '/conversations/c1/status')?.body).toEqual({
        status: 'resolved',
      }),
    );
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Status' })).toHaveProperty('value', 'resolved'));
  });

  it('says so when the snapshot is missing', async () => {
    await openConversation({
      'GET /conversations/c1': {
        body: { conversation: conversationItem('c1').conversation, messages: [], context: null, visitor: null },
      },
    });
    expect(screen.getByText('No context snapshot was sent with this request.')).toBeTruthy();
  });

  it('still shows the messages when the snapshot cannot be read', async () => {
    await openConversation({
      'GET /conversations/c1': {
        body: {
          conversation: conversationItem('c1').conversation,
          messages: [message({ id: 'm1', conversationId: 'c1', body: 'Still here' })],
          context: { page: 'not an object' },
          visitor: null,
        },
      },
    });
    expect(screen.getByText('Still here')).toBeTruthy();
    expect(screen.getByText('The context snapshot could not be read.')).toBeTruthy();
  });
});

describe('live updates', () => {
  it('loads the queue again once the first stream is open, so a conversation started meanwhile shows', async () => {
    // The stream opens only after the first queue load answered; a visitor writes in between.
    let queueLoads = 0;
    let openStream = (): void => {};
    const streamOpen = new Promise<void>((resolve) => {
      openStream = resolve;
    });
    const { unmount } = renderInbox(
      {
        'GET /me': { body: session },
        'GET /queue': () => {
          queueLoads += 1;
          const conversations = [conversationItem('c1', { due: 10 })];
          if (queueLoads > 1) conversations.push(conversationItem('c2', { due: 20, name: 'Written meanwhile' }));
          return { body: { conversations, tickets: [] } };
        },
        'POST /presence': { status: 204 },
        'GET /events': async () => {
          await streamOpen;
          return new Response(': connected\n\n', { headers: { 'Content-Type': 'text/event-stream' } });
        },
      } as never,
      { live: true },
    );
    await waitFor(() => expect(queueLoads).toBe(1));
    expect(screen.queryByText(/Written meanwhile/)).toBeNull();
    openStream();
    expect(await screen.findByText(/Written meanwhile/)).toBeTruthy();
    unmount();
  });

  it('reads the event stream: new visitor message in the open thread, queue reloaded, presence set', async () => {
    const event = message({ id: 'm-live', conversationId: 'c1', body: 'Pushed over SSE', createdAt: at(1) });
    let queueLoads = 0;
    const { requests, unmount } = renderInbox(
      {
        ...conversationRoutes(),
        'GET /queue': () => {
          queueLoads += 1;
          return queue;
        },
        'POST /presence': { status: 204 },
        'GET /events': () =>
          new Response(`: connected\n\nid: 5\ndata: ${JSON.stringify({ type: 'message', message: event })}\n\n`, {
            headers: { 'Content-Type': 'text/event-stream' },
          }),
      } as never,
      { path: '/inbox/conversations/c1', live: true },
    );
    expect(await screen.findByText('Pushed over SSE')).toBeTruthy();
    await waitFor(() => expect(queueLoads).toBeGreaterThan(1));
    const presence = requests.find((request) => request.path === '/presence');
    expect(presence?.body).toEqual({ online: true });
    expect(presence?.headers['x-csrf-token']).toBe('csrf-123');
    expect(requests.find((request) => request.path === '/events')?.headers.accept).toBe('text/event-stream');
    unmount();
  });
});

describe('ticket thread', () => {
  it('changes severity with the CSRF token and shows the recorded history', async () => {
    const item = ticketItem('t1', { due: -5, severity: 'P2' });
    item.ticket.description = `Steps: ${HOSTILE}`;
    item.ticket.fields = { affected_area: `invoices ${HOSTILE}` };
    let history: unknown[] = [];
    let severity = 'P2';
    const { requests } = renderInbox(
      {
        'GET /me': { body: session },
        'GET /queue': { body: { conversations: [], tickets: [item] } },
        'GET /tickets/t1': () => ({
          body: {
            ticket: { ...item.ticket, severity },
            messages: [],
            context: hostileSnapshot(),
            visitor: null,
            history,
          },
        }),
        'PATCH /tickets/t1': (request) => {
          severity = (request.body as { severity: string }).severity;
          history = [{ at: at(0), field: 'severity', from: 'P2', to: severity, by: 'Alex Agent' }];
          return { body: { ...item.ticket, severity } };
        },
      },
      { path: '/inbox/tickets/t1' },
    );
    await screen.findByRole('heading', { level: 2, name: 'HL-t1: Ticket t1' });
    expect(screen.getByText('No changes yet.')).toBeTruthy();
    const details = screen.getByRole('region', { name: 'Ticket details' });
    expect(within(details).getByText(`Steps: ${HOSTILE}`)).toBeTruthy();
    expect(within(details).getByText(`invoices ${HOSTILE}`)).toBeTruthy();
    expect(details.querySelector('img')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Severity' }), { target: { value: 'P1' } });
    expect(await screen.findByText(/Alex Agent changed severity from P2 to P1/)).toBeTruthy();
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toEqual({ severity: 'P1' });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-123');
    expect(screen.getByRole('combobox', { name: 'Severity' })).toHaveProperty('value', 'P1');
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveProperty('value', 'bug');
  });

  it('says when the ticket no longer exists', async () => {
    renderInbox(
      { 'GET /me': { body: session }, 'GET /queue': { body: { conversations: [], tickets: [] } } },
      { path: '/inbox/tickets/gone' },
    );
    expect((await screen.findByRole('alert')).textContent).toBe('This item no longer exists.');
  });
});
