import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../testing/fake-fetch.js';
import { fakeXhr } from '../testing/fake-xhr.js';
import { at, conversationItem, message, session, ticketItem } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

afterEach(cleanup);

const png = (name = 'screen.png', size = 40) => new File([new Uint8Array(size)], name, { type: 'image/png' });
const stored = (id: string, name: string) => ({
  id,
  name,
  type: 'image/png',
  size: 40,
  url: `https://support.example.com/v1/attachments/${id}?exp=1&sig=x`,
});

function routes(overrides: Record<string, unknown> = {}) {
  return {
    'GET /me': { body: session },
    'GET /queue': { body: { conversations: [conversationItem('c1', { due: 10 })], tickets: [] } },
    'GET /conversations/c1': {
      body: { conversation: conversationItem('c1').conversation, messages: [], context: null, visitor: null },
    },
    'POST /attachments': (request: RecordedRequest) => ({
      status: 201,
      body: stored('att_1', (request.body as File).name),
    }),
    'POST /conversations/c1/messages': (request: RecordedRequest) => {
      const { body, attachmentIds } = request.body as { body: string; attachmentIds: string[] };
      return {
        status: 201,
        body: message({
          id: 'm2',
          conversationId: 'c1',
          author: { type: 'agent', id: 'ag_1', name: 'Alex Agent' },
          body,
          attachments: attachmentIds.map((id) => stored(id, 'screen.png')),
          createdAt: at(0),
        }),
      };
    },
    ...overrides,
  };
}

async function open(overrides: Record<string, unknown> = {}, options: Parameters<typeof renderInbox>[1] = {}) {
  const view = renderInbox(routes(overrides) as never, { path: '/inbox/conversations/c1', ...options });
  await screen.findByRole('textbox', { name: 'Reply' });
  return view;
}

const picker = (): HTMLInputElement => screen.getByLabelText('Attach files', { selector: 'input' }) as HTMLInputElement;
const fileList = () => screen.getByRole('list', { name: 'Files to send' });
const announced = () => document.getElementById('composer-announcement')?.textContent;
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Send' }));

describe('files in a reply', () => {
  it('uploads a picked file with the CSRF token, shows its progress, and sends it with the reply for the thread to link', async () => {
    const xhr = fakeXhr();
    const { requests } = await open({}, { XMLHttpRequest: xhr.XMLHttpRequest });
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeTruthy();
    fireEvent.change(picker(), { target: { files: [png()] } });
    const upload = xhr.sent[0];
    expect(upload?.url).toBe('/agent/api/attachments');
    expect(upload?.headers).toMatchObject({
      'x-csrf-token': 'csrf-123',
      'x-filename': 'screen.png',
      'content-type': 'image/png',
    });
    expect(announced()).toBe('Uploading screen.png…');
    act(() => upload?.progress(10, 40));
    const bar = within(fileList()).getByRole('progressbar', { name: 'Uploading screen.png' });
    expect(bar.getAttribute('value')).toBe('10');

    send();
    expect((await screen.findByRole('alert')).textContent).toBe('Wait for the files to finish uploading, then send.');
    act(() => upload?.respond(201, stored('att_1', 'screen.png')));
    await waitFor(() => expect(within(fileList()).getByText('Ready')).toBeTruthy());
    expect(announced()).toBe('screen.png is ready to send.');

    // Files alone make a reply, named in its text.
    send();
    const messages = screen.getByRole('list', { name: 'Messages' });
    const link = await within(messages).findByRole('link', { name: 'Attachment: screen.png' });
    expect(link.getAttribute('href')).toBe(stored('att_1', 'screen.png').url);
    const reply = requests.find((request) => request.path === '/conversations/c1/messages');
    expect(reply?.body).toEqual({ body: 'screen.png', attachmentIds: ['att_1'] });
    expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
  });

  it('takes files pasted into the reply box and dropped onto it', async () => {
    const { requests } = await open();
    const box = screen.getByRole('textbox', { name: 'Reply' });
    fireEvent.paste(box, { clipboardData: { files: [png('pasted.png')] } });
    // Built by hand: happy-dom delivers no drop event made by fireEvent.
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [png('dropped.png')], types: ['Files'] } });
    act(() => {
      box.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    const uploads = requests.filter((request) => request.path === '/attachments');
    expect(uploads.map((request) => (request.body as File).name)).toEqual(['pasted.png', 'dropped.png']);
    await waitFor(() => expect(within(fileList()).getAllByText('Ready')).toHaveLength(2));
  });

  it('removes a file before sending: its upload stops, it is not sent, and the removal is announced', async () => {
    const xhr = fakeXhr();
    const { requests } = await open({}, { XMLHttpRequest: xhr.XMLHttpRequest });
    fireEvent.change(picker(), { target: { files: [png('keep.png'), png('oops.png')] } });
    act(() => xhr.sent[0]?.respond(201, stored('att_keep', 'keep.png')));
    fireEvent.click(within(fileList()).getByRole('button', { name: 'Remove oops.png' }));
    expect(xhr.sent[1]?.aborted).toBe(true);
    expect(announced()).toBe('oops.png removed.');
    expect(within(fileList()).queryByText('oops.png')).toBeNull();
    await waitFor(() => expect(within(fileList()).getByText('Ready')).toBeTruthy());
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply' }), { target: { value: 'Here it is' } });
    send();
    await screen.findByText('Here it is');
    const reply = requests.find((request) => request.path === '/conversations/c1/messages');
    expect(reply?.body).toEqual({ body: 'Here it is', attachmentIds: ['att_keep'] });
  });

  it("keeps a thread's files while the agent looks at another: the upload goes on, coming back shows it, sending takes it", async () => {
    const xhr = fakeXhr();
    const { requests, router, store } = await open(
      {
        'GET /conversations/c2': {
          body: { conversation: conversationItem('c2').conversation, messages: [], context: null, visitor: null },
        },
      },
      { XMLHttpRequest: xhr.XMLHttpRequest },
    );
    fireEvent.change(picker(), { target: { files: [png('away.png')] } });
    const shown = (id: string) => waitFor(() => expect(store.thread.value?.id).toBe(id));
    act(() => router.navigate({ view: 'thread', kind: 'conversation', id: 'c2' }));
    await shown('c2');
    expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
    const upload = xhr.sent[0];
    expect(upload?.aborted).toBe(false);
    act(() => upload?.respond(201, stored('att_away', 'away.png')));
    // Nothing is said about a thread the agent is not looking at.
    expect(announced()).toBe('');

    act(() => router.navigate({ view: 'thread', kind: 'conversation', id: 'c1' }));
    await shown('c1');
    expect(within(fileList()).getByText('away.png')).toBeTruthy();
    expect(within(fileList()).getByText('Ready')).toBeTruthy();
    send();
    await waitFor(() =>
      expect(requests.find((request) => request.path === '/conversations/c1/messages')?.body).toEqual({
        body: 'away.png',
        attachmentIds: ['att_away'],
      }),
    );
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull());
  });

  it("refuses, without uploading, a file over the server's size cap, of a type it does not take, or past the files a reply may carry", async () => {
    const { requests } = await open();
    fireEvent.change(picker(), {
      target: {
        files: [png('huge.png', 1_001), new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }), png('third.png')],
      },
    });
    expect(announced()).toBe(
      'huge.png cannot be attached: larger than 1000 B, the most a file may be. ' +
        'logo.svg cannot be attached: only PNG, JPEG, GIF, WebP, PDF and plain text files can be attached. ' +
        'At most 2 files go with one reply; the others were left out.',
    );
    const list = fileList();
    expect(within(list).getByText('larger than 1000 B, the most a file may be.')).toBeTruthy();
    expect(within(list).getByText(/only PNG, JPEG, GIF, WebP, PDF and plain text/)).toBeTruthy();
    expect(within(list).queryByText('third.png')).toBeNull();
    expect(requests.some((request) => request.path === '/attachments')).toBe(false);
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply' }), { target: { value: 'Hi' } });
    send();
    expect((await screen.findByRole('alert')).textContent).toBe('Remove the files that cannot be attached, then send.');
    expect(requests.some((request) => request.path === '/conversations/c1/messages')).toBe(false);
  });

  it("shows the server's refusal of an upload beside the file and announces it", async () => {
    await open({
      'POST /attachments': {
        status: 415,
        body: {
          error: {
            code: 'unsupported_media_type',
            message: 'Content-Type: declared image/png but the file is text/plain',
            field: 'Content-Type',
          },
        },
      },
    });
    fireEvent.change(picker(), { target: { files: [png('fake.png')] } });
    const reason = 'Content-Type: declared image/png but the file is text/plain';
    expect(await within(fileList()).findByText(reason)).toBeTruthy();
    expect(announced()).toBe(`fake.png cannot be attached: ${reason}`);
  });
});

describe('ticket assignee', () => {
  it('assigns the ticket from its thread, and the queue row and the history say who owns it', async () => {
    const item = ticketItem('t1', { due: 30 });
    const colleague = { id: 'ag_2', name: 'Sam', email: 'sam@example.com' };
    let assignee: { type: 'agent'; id: string; name: string } | undefined;
    let history: unknown[] = [];
    const { requests } = renderInbox(
      {
        'GET /me': { body: session },
        'GET /agents': { body: [session.agent, colleague] },
        'GET /queue': () => ({
          body: { conversations: [], tickets: [{ ...item, ...(assignee ? { assignee } : {}) }] },
        }),
        'GET /tickets/t1': () => ({
          body: {
            ticket: item.ticket,
            ...(assignee ? { assignee } : {}),
            messages: [],
            context: null,
            visitor: null,
            history,
          },
        }),
        'PUT /tickets/t1/assignee': (request: RecordedRequest) => {
          const { agentId } = request.body as { agentId: string | null };
          assignee = agentId ? { type: 'agent', id: agentId, name: 'Sam' } : undefined;
          history = [{ at: at(0), field: 'assignee', from: null, to: 'Sam', by: 'Alex Agent' }];
          return { body: { ticket: item.ticket, ...(assignee ? { assignee } : {}) } };
        },
      },
      { path: '/inbox/tickets/t1' },
    );
    await screen.findByRole('heading', { level: 2, name: 'HL-t1: Ticket t1' });
    const select = screen.getByRole('combobox', { name: 'Assignee' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    await waitFor(() => expect([...select.options].map((option) => option.textContent)).toContain('Sam'));
    fireEvent.change(select, { target: { value: 'ag_2' } });
    expect(await screen.findByText(/Alex Agent changed assignee from none to Sam/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Assignee' }) as HTMLSelectElement).value).toBe('ag_2');
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.body).toEqual({ agentId: 'ag_2' });
    expect(put?.headers['x-csrf-token']).toBe('csrf-123');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Queue' }).textContent).toContain('Assignee: Sam'));
  });
});
