import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewComponent } from '../views.js';
import { ViewHost } from './ViewHost.js';

// The network, for the view chunks: a download fails until it is let through.
const chunks = vi.hoisted(() => ({ reachable: false, loaded: undefined as ViewComponent | undefined }));
vi.mock('../views.js', () => ({
  loadedView: () => chunks.loaded,
  loadView: async () => {
    if (!chunks.reachable) throw new TypeError('Failed to fetch dynamically imported module');
    chunks.loaded = () => <p>Chat view</p>;
    return chunks.loaded;
  },
}));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ViewHost', () => {
  it('says a view could not load because the browser is offline, focuses Try again, and loads once back online', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const shown = vi.fn((container: HTMLElement | null) => container?.querySelector<HTMLElement>('button')?.focus());
    render(<ViewHost view={{ name: 'chat' }} onShown={shown} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You’re offline. This loads once you’re back online.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Try again'));

    online.mockReturnValue(true);
    chunks.reachable = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('Chat view')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
