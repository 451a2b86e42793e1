import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { at, conversationItem, message, session } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

const scrolled = vi.fn();
const original = Element.prototype.scrollIntoView;
beforeEach(() => {
  scrolled.mockClear();
  Element.prototype.scrollIntoView = scrolled;
});
afterEach(() => {
  Element.prototype.scrollIntoView = original;
  cleanup();
});

async function openThread() {
  const view = renderInbox(
    {
      'GET /me': { body: session },
      'GET /queue': { body: { conversations: [conversationItem('c1', { due: 10 })], tickets: [] } },
      'GET /conversations/c1': {
        body: {
          conversation: conversationItem('c1').conversation,
          messages: [message({ id: 'm1', conversationId: 'c1', body: 'First question' })],
          context: null,
          visitor: null,
        },
      },
    },
    { path: '/inbox/conversations/c1' },
  );
  await screen.findByText('First question');
  return view;
}

/** The agent scrolls up: the end of the thread is far below what its scroller shows. */
function readFurtherUp(): void {
  const end = document.querySelector('.messages-end') as HTMLElement;
  end.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 5_000, width: 10, height: 0 });
  fireEvent.scroll(document.querySelector('.thread') as HTMLElement);
}

const arrives = (store: Awaited<ReturnType<typeof openThread>>['store'], id: string, author = {}) =>
  act(() =>
    store.handleEvent({
      type: 'message',
      message: message({ id, conversationId: 'c1', body: `Message ${id}`, createdAt: at(0), ...author }),
    }),
  );

describe('new messages in the open thread', () => {
  it('opens at the newest message and follows new ones while the agent is at the end', async () => {
    const { store } = await openThread();
    expect(scrolled).toHaveBeenCalled();
    scrolled.mockClear();
    arrives(store, 'm2');
    expect(screen.getByText('Message m2')).toBeTruthy();
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull();
  });

  it('leaves the agent reading further up where they are, and offers a jump to what arrived', async () => {
    const { store } = await openThread();
    readFurtherUp();
    scrolled.mockClear();
    arrives(store, 'm2');
    expect(screen.getByText('Message m2')).toBeTruthy();
    expect(scrolled).not.toHaveBeenCalled();
    const jump = screen.getByRole('button', { name: 'New messages' });
    fireEvent.click(jump);
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull();
  });

  it('brings the agent down to their own reply even while reading further up', async () => {
    const { store } = await openThread();
    readFurtherUp();
    scrolled.mockClear();
    arrives(store, 'm3', { author: { type: 'agent', id: session.agent.id, name: session.agent.name } });
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull();
  });
});
