import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { mountWidget } from './widget.js';

describe('launcher and panel', () => {
  it('mounts one helpline-widget element with an open shadow root and no inline styles', () => {
    const { host, shadow } = mountWidget();
    expect(document.querySelectorAll('helpline-widget')).toHaveLength(1);
    expect(shadow.mode).toBe('open');
    expect(customElements.get('helpline-widget')).toBeDefined();
    expect(shadow.querySelector('[style]')).toBeNull();
    expect(host.hasAttribute('style')).toBe(false);
  });

  it('opens the panel as a labelled non-modal dialog and closes it again from the launcher', async () => {
    const { ui, hl } = mountWidget();
    const launcher = ui.getByRole('button', { name: 'Open help' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(launcher);
    const dialog = await ui.findByRole('dialog', { name: 'Help' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(hl.state.isOpen.value).toBe(true);
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(ui.getByRole('button', { name: 'Close help', expanded: true }));
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
    expect(hl.state.isOpen.value).toBe(false);
  });

  it('moves focus into the panel on open and back to the launcher on close', async () => {
    const { ui, shadow } = mountWidget();
    const launcher = ui.getByRole('button', { name: 'Open help' });
    launcher.focus();
    fireEvent.click(launcher);
    const search = await ui.findByRole('searchbox', { name: 'Search help articles' });
    await waitFor(() => expect(shadow.activeElement).toBe(search));
    const dialog = ui.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close help' }));
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
    expect(shadow.activeElement).toBe(launcher);
  });

  it('closes on Escape and returns focus to the launcher', async () => {
    const { ui, shadow, hl } = mountWidget();
    fireEvent.click(ui.getByRole('button', { name: 'Open help' }));
    const search = await ui.findByRole('searchbox');
    await waitFor(() => expect(shadow.activeElement).toBe(search));
    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(hl.state.isOpen.value).toBe(false));
    expect(ui.queryByRole('dialog')).toBeNull();
    expect(shadow.activeElement).toBe(ui.getByRole('button', { name: 'Open help' }));
  });

  it('keeps Tab inside the open panel', async () => {
    const { ui, shadow } = mountWidget();
    fireEvent.click(ui.getByRole('button', { name: 'Open help' }));
    await ui.findByRole('button', { name: 'Start a chat' });
    const dialog = ui.getByRole('dialog');
    const focusables = [...dialog.querySelectorAll<HTMLElement>('button, input')];
    const last = focusables[focusables.length - 1];
    const first = focusables[0];
    last?.focus();
    fireEvent.keyDown(last as HTMLElement, { key: 'Tab' });
    expect(shadow.activeElement).toBe(first);
    fireEvent.keyDown(first as HTMLElement, { key: 'Tab', shiftKey: true });
    expect(shadow.activeElement).toBe(last);
  });

  it('opens when the host calls open() and reflects close() from the host', async () => {
    const { ui, hl } = mountWidget();
    await hl.open('search');
    expect(await ui.findByRole('dialog')).toBeTruthy();
    await ui.findByRole('searchbox');
    await hl.close();
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
  });

  it('shows the unread count in the launcher label and badge', async () => {
    const { ui, hl, adapter } = mountWidget({}, { autoReply: () => null });
    hl.interacted();
    await hl.chat.send({ body: 'Hello there' });
    await waitFor(() => expect(hl.chat.conversations.value.length).toBe(1));
    const id = hl.chat.conversations.value[0]?.id as string;
    await adapter.agent.reply(id, 'Hi! How can I help?');
    await adapter.agent.reply(id, 'Are you still there?');
    const launcher = await ui.findByRole('button', { name: /Open help, 2 unread messages/ });
    expect(launcher.textContent).toContain('2');
  });

  it('hides the launcher when asked, and custom launcher elements toggle the widget', async () => {
    document.body.insertAdjacentHTML('beforeend', '<a href="#help" class="open-help"><span>Need help?</span></a>');
    const { ui, hl, shadow } = mountWidget({ appearance: { hideLauncher: true, launcherSelector: '.open-help' } });
    expect(ui.queryByRole('button', { name: 'Open help' })).toBeNull();
    const custom = document.querySelector<HTMLElement>('.open-help') as HTMLElement;
    custom.focus();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    custom.querySelector('span')?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await waitFor(() => expect(hl.state.isOpen.value).toBe(true));
    const search = await ui.findByRole('searchbox');
    await waitFor(() => expect(shadow.activeElement).toBe(search));
    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(hl.state.isOpen.value).toBe(false));
    expect(document.activeElement).toBe(custom);
  });

  it("returns focus to the host's own control that opened the panel with open()", async () => {
    document.body.insertAdjacentHTML('beforeend', '<button type="button" id="host-help">Help</button>');
    const { ui, hl, shadow } = mountWidget();
    const help = document.getElementById('host-help') as HTMLButtonElement;
    help.addEventListener('click', () => void hl.open());
    help.focus();
    help.click();
    const search = await ui.findByRole('searchbox');
    await waitFor(() => expect(shadow.activeElement).toBe(search));
    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(hl.state.isOpen.value).toBe(false));
    expect(document.activeElement).toBe(help);
    // Opened from our own launcher afterwards, focus goes back to the launcher, not the older opener.
    const launcher = ui.getByRole('button', { name: 'Open help' });
    launcher.focus();
    fireEvent.click(launcher);
    await waitFor(() => expect(shadow.activeElement).toBe(ui.getByRole('searchbox')));
    fireEvent.keyDown(ui.getByRole('searchbox'), { key: 'Escape' });
    await waitFor(() => expect(hl.state.isOpen.value).toBe(false));
    expect(shadow.activeElement).toBe(launcher);
  });

  it('stops listening to the custom launcher after unmount and leaves nothing behind', async () => {
    document.body.insertAdjacentHTML('beforeend', '<button class="open-help">Help</button>');
    const { hl } = mountWidget({ appearance: { launcherSelector: '.open-help' } });
    hl.unmount();
    expect(document.querySelector('helpline-widget')).toBeNull();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('.open-help')?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('reports an invalid custom launcher selector once and keeps working', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ui } = mountWidget({ appearance: { launcherSelector: '[[nope' } });
    expect(logged.mock.calls.flat().join(' ')).toContain('appearance.launcherSelector');
    logged.mockRestore();
    fireEvent.click(ui.getByRole('button', { name: 'Open help' }));
    expect(await ui.findByRole('dialog')).toBeTruthy();
  });
});
