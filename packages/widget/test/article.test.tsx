import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget } from './widget.js';

const hostile = {
  id: 'hostile',
  title: 'Totally normal article',
  html: [
    '<p>Read this<script>window.__pwned = true</script></p>',
    '<img src="x" onerror="window.__pwned = true" alt="broken">',
    '<a href="javascript:window.__pwned = true">click me</a>',
    '<a href="https://example.com/docs">real docs</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name="password"></form>',
    '<style>:host { display: none }</style>',
    '<p style="position:fixed" onclick="window.__pwned = true">styled</p>',
  ].join(''),
};

describe('article view', () => {
  it('renders a hostile article without scripts, handlers, unsafe links, iframes, forms or styles', async () => {
    const widget = mountWidget({}, { articles: [hostile] });
    await widget.hl.article('hostile');
    const heading = await widget.ui.findByRole('heading', { name: 'Totally normal article' });
    const article = heading.closest('article') as HTMLElement;
    expect(article.querySelector('script, iframe, form, input, style')).toBeNull();
    expect(article.innerHTML).not.toMatch(/onerror|onclick|javascript:|style=/i);
    expect(within(article).queryByRole('link', { name: 'click me' })).toBeNull();
    expect(article.textContent).toContain('click me');
    const real = within(article).getByText('real docs');
    expect(real.getAttribute('href')).toBe('https://example.com/docs');
    expect(real.getAttribute('target')).toBe('_blank');
    expect(real.getAttribute('rel')).toBe('noopener noreferrer');
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(within(article).getByText('styled')).toBeTruthy();
  });

  it('records a helpful vote and thanks the user', async () => {
    const widget = mountWidget();
    await widget.hl.article('refund-payment');
    await widget.ui.findByRole('heading', { name: 'Refund a payment' });
    fireEvent.click(widget.ui.getByRole('button', { name: 'Yes' }));
    expect(await widget.ui.findByText('Thanks for your feedback!')).toBeTruthy();
    expect(widget.ui.queryByRole('button', { name: 'Yes' })).toBeNull();
    expect(widget.adapter.agent.articleVotes('refund-payment')).toEqual({ helpful: 1, notHelpful: 0 });
  });

  it('moves focus to the thanks that replaces the vote buttons, so Escape still closes the panel', async () => {
    const widget = mountWidget();
    await widget.hl.article('refund-payment');
    await widget.ui.findByRole('heading', { name: 'Refund a payment' });
    const yes = widget.ui.getByRole('button', { name: 'Yes' });
    yes.focus();
    fireEvent.click(yes);
    const thanks = (await widget.ui.findByText('Thanks for your feedback!')).closest('p');
    await waitFor(() => expect(widget.shadow.activeElement).toBe(thanks));
    fireEvent.keyDown(thanks as HTMLElement, { key: 'Escape' });
    await waitFor(() => expect(widget.hl.state.isOpen.value).toBe(false));
  });

  it('keeps the vote buttons and offers a retry when the vote fails', async () => {
    const widget = mountWidget();
    await widget.hl.article('refund-payment');
    await widget.ui.findByRole('heading', { name: 'Refund a payment' });
    widget.adapter.agent.failNext('network');
    fireEvent.click(widget.ui.getByRole('button', { name: 'No' }));
    const alert = await widget.ui.findByRole('alert');
    expect(alert.textContent).toContain('Your vote couldn’t be saved.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await widget.ui.findByText('Thanks for your feedback!')).toBeTruthy();
    expect(widget.adapter.agent.articleVotes('refund-payment')).toEqual({ helpful: 0, notHelpful: 1 });
  });

  it('links into the host app when the article has no address of its own, and never leaves a dead link', async () => {
    const article = {
      id: 'in-app',
      title: 'Send invoices',
      html: '<h2>Steps</h2><p>Open <a href="/invoices">Invoices</a>, not <a href="javascript:alert(1)">this</a>.</p><h3>More</h3><img src="/chart.png" alt="Chart">',
    };
    const widget = mountWidget({}, { articles: [article] });
    await widget.hl.article('in-app');
    const heading = await widget.ui.findByRole('heading', { name: 'Send invoices' });
    const body = heading.parentElement?.querySelector('.hl-article__body') as HTMLElement;
    const link = within(body).getByRole('link', { name: 'Invoices' });
    expect(link.getAttribute('href')).toBe(`${location.origin}/invoices`);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(body).queryByRole('link', { name: 'this' })).toBeNull();
    expect(body.querySelectorAll('a')).toHaveLength(1);
    expect(body.textContent).toContain('not this.');
    // Relative images stay on the article's own address only.
    expect(body.querySelector('img')?.hasAttribute('src')).toBe(false);
    // The body's sections sit below the article title (h3), and follow their own text direction.
    expect(heading.localName).toBe('h3');
    expect([...body.querySelectorAll('h4, h5')].map((h) => `${h.localName} ${h.textContent}`)).toEqual([
      'h4 Steps',
      'h5 More',
    ]);
    expect(body.getAttribute('dir')).toBe('auto');
    expect(heading.getAttribute('dir')).toBe('auto');
  });

  it('shows an error with retry when the article cannot be loaded', async () => {
    const widget = mountWidget();
    // The search view makes no calls of its own, so the failure hits the article request.
    await widget.hl.open('search');
    await waitFor(() => expect(widget.hl.state.status.value).toBe('connected'));
    await waitFor(() => expect(widget.hl.state.availability.value).toBeDefined());
    widget.adapter.agent.failNext(500);
    await widget.hl.article('refund-payment');
    const alert = await widget.ui.findByRole('alert');
    expect(alert.textContent).toContain('This article couldn’t be loaded.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await widget.ui.findByRole('heading', { name: 'Refund a payment' })).toBeTruthy();
  });

  it('goes home with Back when opened directly', async () => {
    const widget = mountWidget();
    await widget.hl.article('refund-payment');
    await widget.ui.findByRole('heading', { name: 'Refund a payment' });
    fireEvent.click(widget.ui.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(widget.hl.state.view.value.name).toBe('home'));
    expect(widget.ui.queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('lists related articles, opens one, and comes back with Back', async () => {
    const articles = [
      { id: 'alpha', title: 'Alpha billing basics', html: '<p>Alpha</p>', category: 'billing' },
      { id: 'beta', title: 'Beta billing guide', html: '<p>Beta</p>', category: 'billing' },
    ];
    const widget = mountWidget({}, { articles });
    await widget.hl.article('alpha');
    await widget.ui.findByRole('heading', { name: 'Alpha billing basics' });
    const related = widget.ui.getByRole('region', { name: 'Related articles' });
    fireEvent.click(within(related).getByRole('button', { name: /Beta billing guide/ }));
    const beta = await widget.ui.findByRole('heading', { name: 'Beta billing guide' });
    await waitFor(() => expect(widget.shadow.activeElement).toBe(beta));
    fireEvent.click(widget.ui.getByRole('button', { name: 'Back' }));
    expect(await widget.ui.findByRole('heading', { name: 'Alpha billing basics' })).toBeTruthy();
  });
});
