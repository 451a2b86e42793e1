import type { MemoryAdapterOptions } from '@helpline/adapter-memory';
import type { Capabilities } from '@helpline/core';
import { fireEvent, waitFor } from '@testing-library/preact';
import { ChatView } from '../src/chat/ChatView.js';
import { renderView } from './render-view.js';

/** A new chat's first message sent from the box (named `boxName` in the widget's locale), shown in its thread. */
export async function startConversation(
  text = 'Hello there, my export is broken',
  options = {},
  {
    locale = 'en',
    boxName = 'Message',
    capabilities = {},
    memory = {},
  }: {
    locale?: string;
    boxName?: string;
    capabilities?: Partial<Capabilities>;
    memory?: MemoryAdapterOptions;
  } = {},
) {
  const setup = renderView(ChatView, { name: 'chat' }, { options, locale, capabilities, memory });
  const box = await setup.findByRole('textbox', { name: boxName });
  fireEvent.input(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter' });
  const conversation = await waitFor(() => {
    const [first] = setup.client.chat.conversations.value;
    if (!first) throw new Error('no conversation yet');
    return first;
  });
  setup.rerenderView({ name: 'chat', conversationId: conversation.id });
  await setup.findByText(text);
  return { ...setup, conversationId: conversation.id };
}
