import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget } from '../../test/widget.js';

describe('replies while the panel shows another view', () => {
  it('are announced once, politely, and home says how many are unread in words', async () => {
    // No scripted answer: the test's agent replies when it says so.
    const widget = mountWidget({}, { autoReply: () => null });
    widget.hl.interacted();
    await widget.hl.chat.send({ body: 'My export is stuck' });
    await waitFor(() => expect(widget.hl.chat.conversations.value).toHaveLength(1));
    const conversationId = widget.hl.chat.conversations.value[0]?.id ?? '';
    fireEvent.click(widget.ui.getByRole('button', { name: 'Open help' }));
    await widget.ui.findByText('Recent conversations');
    const live = widget.shadow.querySelector('.hl-panel > [aria-live="polite"]');
    expect(live?.textContent).toBe('');

    await widget.adapter.agent.reply(conversationId, 'Which browser are you using?');
    await waitFor(() => expect(live?.textContent).toBe('1 unread message'));
    expect(
      await widget.ui.findByRole('button', { name: /^My export is stuck 1 unread message Which browser/ }),
    ).toBeTruthy();

    await widget.adapter.agent.reply(conversationId, 'And which file?');
    await waitFor(() => expect(live?.textContent).toBe('2 unread messages'));
  });
});
