import { act, cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { at, conversationItem, session } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';

afterEach(cleanup);

/** A conversation whose visitor shares their page (`livePage`) or not, open in the inbox. */
async function openConversation(livePage: boolean) {
  const item = conversationItem('c1');
  const conversation = { ...item.conversation, ...(livePage ? { livePage: true } : {}) };
  const view = renderInbox(
    {
      'GET /me': { body: session },
      'GET /agents': { body: [session.agent] },
      'GET /queue': { body: { conversations: [{ ...item, conversation }], tickets: [] } },
      'GET /conversations/c1': {
        body: {
          conversation,
          messages: [],
          context: null,
          visitor: item.visitor,
          ...(livePage ? { visitorPage: { path: '/billing', title: 'Billing', at: at(-2) } } : {}),
        },
      },
    },
    { path: '/inbox/conversations/c1' },
  );
  await screen.findByRole('textbox', { name: 'Reply' });
  const context = screen.getByRole('complementary', { name: 'Context' });
  return { ...view, context, visitorId: item.visitor.id };
}

describe('the page the visitor is on', () => {
  it('shows where the visitor is and follows them as they move', async () => {
    const { store, context, visitorId } = await openConversation(true);
    const now = within(context).getByRole('region', { name: 'Now on' });
    expect(now.textContent).toContain('Billing');
    expect(now.textContent).toContain('/billing');
    act(() =>
      store.handleEvent({ type: 'page', visitorId, page: { path: '/settings/team', title: 'Team', at: at(0) } }),
    );
    expect(now.textContent).toContain('/settings/team');
    expect(now.textContent).not.toContain('/billing');
    // Another visitor's move changes nothing here.
    act(() => store.handleEvent({ type: 'page', visitorId: 'v_other', page: { path: '/x', title: 'X', at: at(0) } }));
    expect(now.textContent).toContain('/settings/team');
    // Resolved: where they last were.
    act(() => store.handleEvent({ type: 'status', conversationId: 'c1', status: 'resolved' }));
    expect(within(context).getByRole('region', { name: 'Last seen on' }).textContent).toContain('/settings/team');
  });

  it('shows nothing for a conversation the visitor did not share their page with, even if an event comes', async () => {
    const { store, context, visitorId } = await openConversation(false);
    act(() => store.handleEvent({ type: 'page', visitorId, page: { path: '/private', title: 'Private', at: at(0) } }));
    expect(within(context).queryByRole('region', { name: 'Now on' })).toBeNull();
    expect(context.textContent).not.toContain('/private');
  });
});
