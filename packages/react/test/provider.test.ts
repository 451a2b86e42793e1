import { createMemoryAdapter, demoArticles } from '@helpline/adapter-memory';
import { HelplineProvider, useHelpline } from '@helpline/react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement, StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

function Panel() {
  const { isOpen, unreadCount, open, close, view } = useHelpline();
  return createElement(
    'div',
    null,
    createElement('p', { 'data-testid': 'state' }, `${isOpen ? 'open' : 'closed'} ${view.name} ${unreadCount}`),
    createElement('button', { type: 'button', onClick: () => open('search') }, 'Help'),
    createElement('button', { type: 'button', onClick: () => close() }, 'Close'),
  );
}

const widgets = () => document.querySelectorAll('helpline-widget').length;

describe('@helpline/react', () => {
  it('mounts exactly one widget under strict mode and removes it on unmount', async () => {
    const adapter = createMemoryAdapter({ articles: demoArticles, autoReply: () => null });
    const view = render(
      createElement(StrictMode, null, createElement(HelplineProvider, { options: { adapter } }, createElement(Panel))),
    );
    await act(async () => {});
    expect(widgets()).toBe(1);
    view.unmount();
    await act(async () => {});
    expect(widgets()).toBe(0);
  });

  it('exposes commands and live signal state to components', async () => {
    const adapter = createMemoryAdapter({ articles: demoArticles, autoReply: () => null });
    render(createElement(HelplineProvider, { options: { adapter } }, createElement(Panel)));
    expect(screen.getByTestId('state').textContent).toBe('closed home 0');
    await act(async () => {
      fireEvent.click(screen.getByText('Help'));
    });
    expect(screen.getByTestId('state').textContent).toBe('open search 0');
    await act(async () => {
      fireEvent.click(screen.getByText('Close'));
    });
    expect(screen.getByTestId('state').textContent).toBe('closed search 0');
  });

  it('sends commands to the widget that survives strict mode’s double mount', async () => {
    const adapter = createMemoryAdapter({ articles: demoArticles, autoReply: () => null });
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      render(
        createElement(
          StrictMode,
          null,
          createElement(HelplineProvider, { options: { adapter } }, createElement(Panel)),
        ),
      );
      await act(async () => {});
      await act(async () => {
        fireEvent.click(screen.getByText('Help'));
      });
      expect(screen.getByTestId('state').textContent).toBe('open search 0');
      expect(errors).toEqual([]);
    } finally {
      console.error = original;
    }
  });

  it('explains a hook used outside the provider', () => {
    expect(() => render(createElement(Panel))).toThrow(/inside <HelplineProvider>/);
  });
});
