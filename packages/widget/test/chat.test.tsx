import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget } from './widget.js';

describe('chat in the panel', () => {
  it('moves focus to the thanks that replaces the rating form, so Escape still closes the panel', async () => {
    const { ui, shadow, hl, adapter } = mountWidget();
    fireEvent.click(ui.getByRole('button', { name: 'Open help' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Start a chat' }));
    const box = await ui.findByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: 'Where do I find my invoices?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(adapter.agent.conversations()).toHaveLength(1));
    await adapter.agent.resolve(adapter.agent.conversations()[0]?.conversation.id ?? '');

    const rating = await ui.findByRole('group', { name: 'How did we do?' });
    fireEvent.click(within(rating).getByLabelText('Excellent'));
    const send = ui.getByRole('button', { name: 'Send rating' });
    send.focus();
    fireEvent.click(send);
    const thanks = await ui.findByText('Thanks for your feedback!');
    await waitFor(() => expect(shadow.activeElement).toBe(thanks));
    expect(document.activeElement).toBe(shadow.host);
    fireEvent.keyDown(thanks, { key: 'Escape' });
    await waitFor(() => expect(hl.state.isOpen.value).toBe(false));
  });

  it('opens a new chat whose composer holds the text newMessage was given, replacing an unsent one', async () => {
    const { ui, hl } = mountWidget();
    await hl.newMessage('Typed before');
    const box = await ui.findByRole('textbox', { name: 'Message' });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('Typed before'));
    await hl.close();
    await hl.newMessage('I need help with invoice #42');
    await waitFor(() =>
      expect((ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe(
        'I need help with invoice #42',
      ),
    );
    expect(hl.chat.draft('new').value).toBe('I need help with invoice #42');
  });
});
