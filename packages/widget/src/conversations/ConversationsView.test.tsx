import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderView } from '../../test/render-view.js';
import { ConversationsView } from './ConversationsView.js';

describe('conversations list', () => {
  it('is empty at first and "New conversation" opens a chat', async () => {
    const { findByText, getByRole, client } = renderView(ConversationsView, { name: 'conversations' });
    expect(await findByText('No conversations yet')).toBeTruthy();
    fireEvent.click(getByRole('button', { name: 'New conversation' }));
    await waitFor(() => expect(client.state.view.value.name).toBe('chat'));
  });

  it('lists a conversation with its last message and unread count', async () => {
    const { findByText, client, agent } = renderView(ConversationsView, { name: 'conversations' });
    await client.chat.send({ body: 'Where is my invoice?' });
    const id = await waitFor(() => {
      const [first] = client.chat.conversations.value;
      if (!first) throw new Error('not started');
      return first.id;
    });
    await agent.reply(id, 'It is in Billing');
    expect(await findByText('It is in Billing')).toBeTruthy();
    expect(await findByText('1 unread')).toBeTruthy();
  });
});
