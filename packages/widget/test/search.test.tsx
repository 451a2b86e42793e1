import { MAX_SEARCH_QUERY_LENGTH } from '@helpline/core';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget } from './widget.js';

async function openSearch(widget: ReturnType<typeof mountWidget>) {
  fireEvent.click(widget.ui.getByRole('button', { name: 'Open help' }));
  const box = await widget.ui.findByRole('searchbox', { name: 'Search help articles' });
  fireEvent.input(box, { target: { value: 'refund' } });
  fireEvent.submit(box.closest('form') as HTMLFormElement);
  return widget.ui.findByRole('searchbox', { name: 'Search help articles' });
}

/** Searches, opens "Refund a payment" from the results and presses Back. */
async function searchOpenArticleAndGoBack() {
  const widget = mountWidget();
  await openSearch(widget);
  const list = await widget.ui.findByRole('list', { name: 'Search results' });
  fireEvent.click(within(list).getByRole('button', { name: /Refund a payment/ }));
  await widget.ui.findByRole('heading', { name: 'Refund a payment' });
  fireEvent.click(widget.ui.getByRole('button', { name: 'Back' }));
  return widget;
}

describe('search view', () => {
  it('lets both search boxes take as long a query as the search command does, and no longer', async () => {
    const widget = mountWidget();
    fireEvent.click(widget.ui.getByRole('button', { name: 'Open help' }));
    const home = (await widget.ui.findByRole('searchbox', { name: 'Search help articles' })) as HTMLInputElement;
    expect(home.maxLength).toBe(MAX_SEARCH_QUERY_LENGTH);
    fireEvent.input(home, { target: { value: 'refund' } });
    fireEvent.submit(home.closest('form') as HTMLFormElement);
    const box = await waitFor(() => {
      const input = widget.shadow.querySelector<HTMLInputElement>('input#hl-search-input');
      if (!input) throw new Error('the search view is not shown yet');
      return input;
    });
    expect(box.maxLength).toBe(MAX_SEARCH_QUERY_LENGTH);
  });

  it('shows results with the matched words highlighted as text, never as HTML', async () => {
    const widget = mountWidget();
    await openSearch(widget);
    const list = await widget.ui.findByRole('list', { name: 'Search results' });
    const result = within(list).getByRole('button', { name: /Refund a payment/ });
    const marks = [...result.querySelectorAll('mark')];
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark.textContent?.toLowerCase()).toContain('refund');
      expect(mark.children).toHaveLength(0);
    }
    expect(widget.ui.getByText(/articles? found/)).toBeTruthy();
  });

  it('searches as the user types and keeps only the latest query', async () => {
    const widget = mountWidget();
    const box = await openSearch(widget);
    await widget.ui.findByRole('list', { name: 'Search results' });
    fireEvent.input(box, { target: { value: 'tax' } });
    await waitFor(() => expect(widget.hl.kb.results.value.query).toBe('tax'));
    const list = await widget.ui.findByRole('list', { name: 'Search results' });
    expect(within(list).getByRole('button', { name: /Configure tax rates and VAT/ })).toBeTruthy();
  });

  it('moves through results with the arrow keys and opens one', async () => {
    const widget = mountWidget();
    const box = await openSearch(widget);
    const list = await widget.ui.findByRole('list', { name: 'Search results' });
    const buttons = within(list).getAllByRole('button');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(widget.shadow.activeElement).toBe(buttons[0]);
    if (buttons.length > 1) {
      fireEvent.keyDown(buttons[0] as HTMLElement, { key: 'ArrowDown' });
      expect(widget.shadow.activeElement).toBe(buttons[1]);
      fireEvent.keyDown(buttons[1] as HTMLElement, { key: 'ArrowUp' });
    }
    fireEvent.keyDown(buttons[0] as HTMLElement, { key: 'ArrowUp' });
    expect(widget.shadow.activeElement).toBe(box);
    fireEvent.click(buttons[0] as HTMLElement);
    await waitFor(() => expect(widget.hl.state.view.value.name).toBe('article'));
  });

  it('offers chat and a ticket when nothing matches', async () => {
    const widget = mountWidget();
    const box = await openSearch(widget);
    fireEvent.input(box, { target: { value: 'xylophone quantum' } });
    expect(await widget.ui.findByText('No articles match “xylophone quantum”.')).toBeTruthy();
    expect(widget.ui.getByRole('button', { name: 'Start a chat' })).toBeTruthy();
    expect(widget.ui.getByRole('button', { name: 'Submit a ticket' })).toBeTruthy();
  });

  it('shows an error with a retry that recovers', async () => {
    const widget = mountWidget();
    await widget.hl.search('refund');
    await widget.ui.findByRole('list', { name: 'Search results' });
    const box = widget.ui.getByRole('searchbox');
    widget.adapter.agent.failNext(500);
    fireEvent.input(box, { target: { value: 'invoice' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    const alert = await widget.ui.findByRole('alert');
    expect(alert.textContent).toContain('Search isn’t working right now.');
    expect(widget.ui.queryByRole('list', { name: 'Search results' })).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await widget.ui.findByRole('list', { name: 'Search results' })).toBeTruthy();
    expect(widget.ui.queryByRole('alert')).toBeNull();
    expect(widget.hl.kb.results.value.query).toBe('invoice');
  });

  it('returns to the results with Back after opening an article', async () => {
    const widget = await searchOpenArticleAndGoBack();
    expect(await widget.ui.findByRole('list', { name: 'Search results' })).toBeTruthy();
    expect((widget.ui.getByRole('searchbox') as HTMLInputElement).value).toBe('refund');
  });

  it('puts focus back on the result the user opened when they come back, and refining keeps the view', async () => {
    const widget = await searchOpenArticleAndGoBack();
    const results = await widget.ui.findByRole('list', { name: 'Search results' });
    const opened = within(results).getByRole('button', { name: /Refund a payment/ });
    await waitFor(() => expect(widget.shadow.activeElement).toBe(opened));
    // Searching again from there refines the same view instead of rebuilding it under the user.
    const box = widget.ui.getByRole('searchbox') as HTMLInputElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'invoice' } });
    await waitFor(() => expect(widget.hl.state.view.value).toEqual({ name: 'search', query: 'invoice' }));
    expect(widget.ui.getByRole('searchbox')).toBe(box);
    expect(widget.shadow.activeElement).toBe(box);
  });
});
