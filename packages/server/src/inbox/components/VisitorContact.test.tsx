import { act, cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { at, conversationItem, session } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';
import { ContextPanel } from './ContextPanel.js';

afterEach(cleanup);

const visitorSection = () =>
  within(screen.getByRole('complementary', { name: 'Context' })).getByRole('region', { name: 'Visitor' });

describe('the email a visitor gave for replies', () => {
  it('is shown with the visitor, apart from the host’s email and labelled as unverified', () => {
    render(
      <ContextPanel
        context={undefined}
        visitor={{ id: 'v1', verified: false, contact: { email: 'ada@example.com', name: 'Ada', at: at(-1) } }}
      />,
    );
    const facts = [...visitorSection().querySelectorAll('.fact')].map((fact) => [
      fact.querySelector('dt')?.textContent,
      fact.querySelector('dd')?.textContent,
    ]);
    expect(facts).toContainEqual(['Email for replies (given by the visitor, not verified)', 'ada@example.com']);
    expect(facts).toContainEqual(['Name they gave (not verified)', 'Ada']);
    expect(facts.find(([label]) => label === 'Email')).toBeUndefined();
  });

  it('shows in the open thread as soon as the visitor gives it, and not in another visitor’s', async () => {
    const item = conversationItem('c1', { due: 10 });
    const { store } = renderInbox(
      {
        'GET /me': { body: session },
        'GET /queue': { body: { conversations: [item], tickets: [] } },
        'GET /conversations/c1': {
          body: {
            conversation: item.conversation,
            messages: [],
            context: null,
            visitor: { id: 'v1', verified: false },
          },
        },
      },
      { path: '/inbox/conversations/c1' },
    );
    await screen.findByRole('textbox', { name: 'Reply' });
    const contact = { email: 'ada@example.com', at: at(0) };
    act(() => store.handleEvent({ type: 'contact', visitorId: 'v2', contact }));
    expect(visitorSection().textContent).not.toContain('ada@example.com');
    act(() => store.handleEvent({ type: 'contact', visitorId: 'v1', contact }));
    expect(visitorSection().textContent).toContain('ada@example.com');
  });

  it('is absent when the visitor gave none', () => {
    render(<ContextPanel context={undefined} visitor={{ id: 'v1', email: 'ada@corp.example', verified: true }} />);
    expect(visitorSection().textContent).not.toContain('not verified');
  });
});
