import { createMemoryAdapter, demoArticles } from '@helpline/adapter-memory';
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const LOADING = /^Loading/;
const GREETING = 'Hi there. How can we help?';

// A page remembers the views it has loaded, so each test starts from freshly imported modules.
async function freshWidget(bundled: boolean) {
  const { createHelpline } = await import('../src/index.js');
  if (bundled) (await import('../src/home/index.js')).bundleHomeView();
  const hl = createHelpline({ adapter: createMemoryAdapter({ articles: demoArticles }) });
  const shadow = document.querySelector('helpline-widget')?.shadowRoot;
  if (!shadow) throw new Error('widget host not mounted');
  return { hl, ui: within(shadow as unknown as HTMLElement) };
}

let unmount = () => {};
beforeEach(() => vi.resetModules());
afterEach(() => {
  unmount();
  document.body.replaceChildren();
});

describe('bundleHomeView (@helpline/widget/home)', () => {
  it('without it, the first open shows a loading state while the home chunk downloads', async () => {
    const { hl, ui } = await freshWidget(false);
    unmount = hl.unmount;
    fireEvent.click(ui.getByRole('button', { name: 'Open help' }));
    expect(ui.getByText(LOADING)).toBeTruthy();
    expect(ui.queryByText(GREETING)).toBeNull();
    await ui.findByText(GREETING);
  });

  it('with it, the first open renders home in the same frame, without a loading state', async () => {
    const { hl, ui } = await freshWidget(true);
    unmount = hl.unmount;
    fireEvent.click(ui.getByRole('button', { name: 'Open help' }));
    expect(ui.getByText(GREETING)).toBeTruthy();
    expect(ui.queryByText(LOADING)).toBeNull();
  });
});
