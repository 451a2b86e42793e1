import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxApi } from '../api/inbox-api.js';
import { isInboxApiError } from '../api/inbox-api-error.js';
import type { ArticleEdit } from '../api/schemas.js';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';
import { sanitizePreview } from '../util/sanitize-preview.js';

const PREVIEW_DELAY_MS = 300;
const EMPTY: ArticleEdit = { title: '', slug: '', markdown: '', category: '', routes: [], published: false };

/** Unsaved edits of one article (or of the new one, under "new"). */
export interface ArticleDraft {
  form: ArticleEdit;
  routesText: string;
}

interface KbEditorProps {
  api: InboxApi;
  /** Absent for a new article. */
  articleId: string | undefined;
  onSaved: (id: string) => void;
  onDeleted: () => void;
  /** Debounce of the live preview; tests pass 0. */
  previewDelayMs?: number;
  /**
   * Unsaved edits by article, kept while the agent goes elsewhere in the inbox (the page's store
   * owns them, so signing out forgets them); without it, edits live as long as the editor.
   */
  drafts?: Map<string, ArticleDraft>;
}

const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

/** Markdown on the left, the server-rendered preview (sanitized here too) on the right. */
export function KbEditor({
  api,
  articleId,
  onSaved,
  onDeleted,
  previewDelayMs = PREVIEW_DELAY_MS,
  drafts: keptDrafts,
}: KbEditorProps) {
  const draftKey = articleId ?? 'new';
  const [drafts] = useState(() => keptDrafts ?? new Map<string, ArticleDraft>());
  const kept = drafts.get(draftKey);
  const [form, setForm] = useState<ArticleEdit | null>(kept?.form ?? (articleId ? null : EMPTY));
  const [routesText, setRoutesText] = useState(kept?.routesText ?? '');
  const [dirty, setDirty] = useState(kept !== undefined);
  const [reload, setReload] = useState(0);
  const [previewHtml, setPreviewHtml] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const preview = useRef<HTMLDivElement>(null);

  // Closing or reloading the tab with unsaved edits asks first (moving around the inbox keeps them).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function keep(next: ArticleDraft): void {
    drafts.set(draftKey, next);
    setDirty(true);
  }

  function discard(): void {
    drafts.delete(draftKey);
    setDirty(false);
    setStatus('idle');
    setError(null);
    if (articleId) setReload((n) => n + 1);
    else {
      setForm(EMPTY);
      setRoutesText('');
    }
  }

  useEffect(() => {
    if (!articleId || drafts.has(draftKey)) return;
    api
      .article(articleId)
      .then((article) => {
        setForm({
          title: article.title,
          slug: article.slug,
          markdown: article.markdown,
          category: article.category ?? '',
          routes: article.routes,
          published: article.published,
        });
        setRoutesText(article.routes.join('\n'));
      })
      .catch((failure: unknown) => setError({ message: errorMessage(failure) }));
  }, [api, articleId, reload]);

  const markdown = form?.markdown;
  useEffect(() => {
    if (markdown === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .preview(markdown)
        .then((html) => {
          if (current) setPreviewHtml(html);
        })
        .catch(() => undefined);
    }, previewDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, markdown, previewDelayMs]);

  // The server sanitizes already; the inbox does not trust that and sanitizes again before the DOM.
  useEffect(() => {
    if (!preview.current) return;
    preview.current.replaceChildren(sanitizePreview(previewHtml, preview.current.ownerDocument));
  }, [previewHtml, form !== null]);

  if (!form)
    return (
      <section class="kb-editor" aria-busy="true" aria-label={strings.kb.title}>
        {error ? (
          <p class="form-error" role="alert">
            {error.message}
          </p>
        ) : (
          <p class="muted">{strings.loading}</p>
        )}
      </section>
    );

  const update = (patch: Partial<ArticleEdit>): void => {
    const next = { ...form, ...patch };
    setForm(next);
    keep({ form: next, routesText });
    setStatus('idle');
  };

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (!form) return;
    const routes = routesText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const input: ArticleEdit = { ...form, routes, slug: form.slug || slugOf(form.title) };
    setStatus('saving');
    setError(null);
    try {
      const saved = articleId ? await api.updateArticle(articleId, input) : await api.createArticle(input);
      drafts.delete(draftKey);
      setDirty(false);
      setForm({ ...input, slug: saved.slug });
      setStatus('saved');
      onSaved(saved.id);
    } catch (failure) {
      setStatus('idle');
      setError({
        message: errorMessage(failure),
        ...(isInboxApiError(failure) && failure.field ? { field: failure.field } : {}),
      });
    }
  }

  async function remove(): Promise<void> {
    if (!articleId || !window.confirm(strings.kb.confirmDelete)) return;
    try {
      await api.deleteArticle(articleId);
      onDeleted();
    } catch (failure) {
      setError({ message: errorMessage(failure) });
    }
  }

  const invalid = (field: string) => (error?.field === field ? 'true' : undefined);
  return (
    <form class="kb-editor" onSubmit={save} aria-labelledby="kb-editor-title">
      <h2 id="kb-editor-title" class="visually-hidden">
        {form.title || strings.kb.newArticle}
      </h2>
      <div class="kb-fields">
        <label for="kb-title-input">{strings.kb.articleTitle}</label>
        <input
          id="kb-title-input"
          value={form.title}
          required
          aria-invalid={invalid('title')}
          onInput={(event) => update({ title: event.currentTarget.value })}
        />
        <label for="kb-slug">{strings.kb.slug}</label>
        <input
          id="kb-slug"
          value={form.slug}
          placeholder={slugOf(form.title)}
          aria-invalid={invalid('slug')}
          onInput={(event) => update({ slug: event.currentTarget.value })}
        />
        <label for="kb-category">{strings.kb.category}</label>
        <input
          id="kb-category"
          value={form.category ?? ''}
          onInput={(event) => update({ category: event.currentTarget.value })}
        />
        <label for="kb-routes">{strings.kb.routes}</label>
        <textarea
          id="kb-routes"
          rows={3}
          value={routesText}
          aria-invalid={error?.field?.startsWith('routes') ? 'true' : undefined}
          onInput={(event) => {
            setRoutesText(event.currentTarget.value);
            keep({ form, routesText: event.currentTarget.value });
            setStatus('idle');
          }}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={form.published}
            onChange={(event) => update({ published: event.currentTarget.checked })}
          />
          {strings.kb.publish}
        </label>
      </div>
      <div class="kb-panes">
        <div class="kb-pane">
          <label for="kb-markdown">{strings.kb.markdown}</label>
          <textarea
            id="kb-markdown"
            rows={20}
            value={form.markdown}
            onInput={(event) => update({ markdown: event.currentTarget.value })}
          />
        </div>
        <section class="kb-pane" aria-labelledby="kb-preview-title">
          <h3 id="kb-preview-title">{strings.kb.preview}</h3>
          <div class="article-preview" ref={preview} data-testid="kb-preview" />
        </section>
      </div>
      {error ? (
        <p class="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <p class="muted" role="status">
        {status === 'saved' ? strings.kb.saved : dirty ? strings.kb.unsaved : ''}
      </p>
      <div class="actions">
        <button type="submit" class="button primary" disabled={status === 'saving'}>
          {status === 'saving' ? strings.kb.saving : strings.kb.save}
        </button>
        {dirty ? (
          <button type="button" class="button subtle" onClick={discard}>
            {strings.kb.discard}
          </button>
        ) : null}
        {articleId ? (
          <button type="button" class="button danger" onClick={() => void remove()}>
            {strings.kb.delete}
          </button>
        ) : null}
      </div>
    </form>
  );
}
