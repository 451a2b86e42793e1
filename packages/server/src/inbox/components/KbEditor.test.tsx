import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxApi } from '../api/inbox-api.js';
import { fakeFetch, type Handler, type Reply } from '../testing/fake-fetch.js';
import { at, session } from '../testing/fixtures.js';
import { renderInbox } from '../testing/render-inbox.js';
import { KbEditor } from './KbEditor.js';

afterEach(cleanup);

const article = {
  id: 'a1',
  title: 'Updating your card',
  slug: 'updating-your-card',
  category: 'Billing',
  routes: ['/billing'],
  published: true,
  updatedAt: at(-100),
  markdown: '# Card\n\nGo to **Billing**.',
};

const HOSTILE_HTML = [
  '<h1>Card</h1><img src=x onerror="alert(1)"><script>alert(2)</script>',
  '<a href="javascript:alert(3)">pay</a><a href="https://example.com/help">help</a>',
  '<p style="position:fixed" onclick="alert(4)">styled</p><form action="https://evil.example"><input name="card"></form>',
  '<svg><script>alert(5)</script></svg><iframe src="https://evil.example"></iframe>',
].join('');

async function renderEditor(routes: Record<string, Handler | Reply>, options: { isNew?: boolean } = {}) {
  const articleId = options.isNew ? undefined : 'a1';
  const server = fakeFetch(routes);
  const api = createInboxApi({ fetch: server.fetch });
  await api.login('alex@example.com', 'secret');
  const saved: string[] = [];
  render(
    <KbEditor
      api={api}
      articleId={articleId}
      onSaved={(id) => saved.push(id)}
      onDeleted={() => undefined}
      previewDelayMs={0}
    />,
  );
  return { requests: server.requests, saved };
}

describe('KB editor', () => {
  it('shows the server preview sanitized: no script, no handlers, no javascript: links', async () => {
    const { requests } = await renderEditor({
      'POST /login': { body: session },
      'GET /kb/articles/a1': { body: article },
      'POST /kb/preview': { body: { html: HOSTILE_HTML } },
    });
    const preview = await screen.findByTestId('kb-preview');
    await waitFor(() => expect(preview.querySelector('h1')?.textContent).toBe('Card'));
    expect(preview.querySelector('script, form, input, iframe, [style], [onclick], [onerror]')).toBeNull();
    expect(preview.querySelector('img')).not.toBeNull();
    expect(preview.querySelector('p')?.textContent).toBe('styled');
    const hrefs = [...preview.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).not.toContain('javascript:alert(3)');
    expect(hrefs).toContain('https://example.com/help');
    expect(preview.querySelector('a[href="https://example.com/help"]')?.getAttribute('rel')).toBe(
      'noopener noreferrer',
    );
    expect(requests.find((request) => request.path === '/kb/preview')?.body).toEqual({ markdown: article.markdown });
  });

  it('previews again as the markdown changes', async () => {
    await renderEditor({
      'POST /login': { body: session },
      'GET /kb/articles/a1': { body: article },
      'POST /kb/preview': (request) => ({
        body: { html: `<p>${(request.body as { markdown: string }).markdown}</p>` },
      }),
    });
    const markdown = await screen.findByRole('textbox', { name: 'Markdown' });
    fireEvent.input(markdown, { target: { value: 'New text' } });
    const preview = screen.getByTestId('kb-preview');
    await waitFor(() => expect(preview.textContent).toBe('New text'));
  });

  it('saves title, routes, publish state and markdown with the CSRF token', async () => {
    const { requests, saved } = await renderEditor({
      'POST /login': { body: session },
      'GET /kb/articles/a1': { body: article },
      'POST /kb/preview': { body: { html: '' } },
      'PUT /kb/articles/a1': (request) => ({ body: { ...article, ...(request.body as object), updatedAt: at(0) } }),
    });
    fireEvent.input(await screen.findByRole('textbox', { name: 'Title' }), { target: { value: 'Changing your card' } });
    fireEvent.input(screen.getByRole('textbox', { name: /Routes/ }), {
      target: { value: '/billing\n\n /settings/card ' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /Published/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.headers['x-csrf-token']).toBe('csrf-123');
    expect(put?.body).toEqual({
      title: 'Changing your card',
      slug: 'updating-your-card',
      markdown: article.markdown,
      category: 'Billing',
      routes: ['/billing', '/settings/card'],
      published: false,
    });
    expect(saved).toEqual(['a1']);
  });

  it('shows a refused save inline, marks the field and keeps the edits', async () => {
    await renderEditor(
      {
        'POST /login': { body: session },
        'POST /kb/preview': { body: { html: '' } },
        'POST /kb/articles': {
          status: 409,
          body: { error: { code: 'conflict', message: 'slug: another article already uses "card"', field: 'slug' } },
        },
      },
      { isNew: true },
    );
    fireEvent.input(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Card' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('slug: another article already uses "card"');
    expect(screen.getByRole('textbox', { name: 'Slug' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Card');
  });
});

describe('KB view', () => {
  it('lists articles with their publish state and opens one for editing', async () => {
    renderInbox(
      {
        'GET /me': { body: session },
        'GET /queue': { body: { conversations: [], tickets: [] } },
        'GET /kb/articles': {
          body: [
            { ...article, markdown: undefined },
            { ...article, id: 'a2', title: 'Draft article', slug: 'draft', published: false },
          ],
        },
        'GET /kb/articles/a1': { body: article },
        'POST /kb/preview': { body: { html: '<p>ok</p>' } },
      },
      { path: '/inbox/kb' },
    );
    const list = await screen.findByRole('list', { name: 'Articles' });
    // The view arrives as a lazy chunk and then takes focus, so screen readers announce it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Knowledge base' })));
    await waitFor(() => expect(list.textContent).toContain('Draft article'));
    expect(list.textContent).toContain('Draft');
    fireEvent.click(screen.getByRole('link', { name: 'Updating your card' }));
    expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Updating your card');
    expect(window.location.pathname).toBe('/inbox/kb/a1');
  });

  it('keeps unsaved edits while the agent goes to the queue and back, until they save or discard them', async () => {
    const { requests, router } = renderInbox(
      {
        'GET /me': { body: session },
        'GET /queue': { body: { conversations: [], tickets: [] } },
        'GET /kb/articles': { body: [{ ...article, markdown: undefined }] },
        'GET /kb/articles/a1': { body: article },
        'POST /kb/preview': { body: { html: '<p>ok</p>' } },
      },
      { path: '/inbox/kb/a1' },
    );
    const markdown = async () => (await screen.findByRole('textbox', { name: 'Markdown' })) as HTMLTextAreaElement;
    await waitFor(async () => expect((await markdown()).value).toBe(article.markdown));
    fireEvent.input(await markdown(), { target: { value: `${article.markdown}\n\nHalf-written step` } });
    act(() => router.navigate({ view: 'inbox' }));
    await screen.findByRole('heading', { name: 'Queue' });
    act(() => router.navigate({ view: 'kb', articleId: 'a1' }));
    await waitFor(async () => expect((await markdown()).value).toContain('Half-written step'));
    expect(screen.getByText(/Unsaved changes/)).toBeTruthy();
    expect(requests.filter((request) => request.path === '/kb/articles/a1')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(async () => expect((await markdown()).value).toBe(article.markdown));
    expect(screen.queryByText(/Unsaved changes/)).toBeNull();
  });
});
