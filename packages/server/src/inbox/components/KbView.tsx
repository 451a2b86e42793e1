import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxApi } from '../api/inbox-api.js';
import type { ArticleSummary } from '../api/schemas.js';
import { errorMessage } from '../state/inbox-store.js';
import { type Router, routePath } from '../state/router.js';
import { strings } from '../strings.js';
import { formatTime } from '../util/duration.js';
import { type ArticleDraft, KbEditor } from './KbEditor.js';

interface KbViewProps {
  api: InboxApi;
  router: Router;
  /** "new" for a new article. */
  articleId: string | undefined;
  /** Unsaved article edits, kept by the page's store while the agent works elsewhere. */
  drafts?: Map<string, ArticleDraft>;
}

/** Article list and the editor of the selected one. */
export function KbView({ api, router, articleId, drafts }: KbViewProps) {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    api
      .articles()
      .then((list) => {
        setArticles(list);
        setError(null);
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, [api, version]);

  const open = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    router.navigate({ view: 'kb', articleId: id });
  };

  return (
    <div class="kb">
      <section class="kb-list" aria-labelledby="kb-title">
        <h1 id="kb-title" tabIndex={-1} ref={heading}>
          {strings.kb.title}
        </h1>
        <a class="button primary" href={routePath({ view: 'kb', articleId: 'new' })} onClick={open('new')}>
          {strings.kb.newArticle}
        </a>
        {error ? (
          <p class="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {articles === null && !error ? <p class="muted">{strings.loading}</p> : null}
        {articles?.length === 0 ? <p class="muted">{strings.kb.empty}</p> : null}
        <ul class="plain-list article-list" aria-label={strings.kb.list}>
          {articles?.map((article) => (
            <li key={article.id}>
              <a
                href={routePath({ view: 'kb', articleId: article.id })}
                aria-current={article.id === articleId ? 'true' : undefined}
                onClick={open(article.id)}
              >
                {article.title}
              </a>{' '}
              <span class={`badge ${article.published ? 'badge-ok' : 'badge-muted'}`}>
                {article.published ? strings.kb.published : strings.kb.draft}
              </span>
              <span class="muted small">
                {' '}
                {strings.kb.updated} {formatTime(article.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {articleId ? (
        <KbEditor
          key={articleId}
          api={api}
          articleId={articleId === 'new' ? undefined : articleId}
          {...(drafts ? { drafts } : {})}
          onSaved={(id) => {
            setVersion((n) => n + 1);
            if (articleId === 'new') router.navigate({ view: 'kb', articleId: id });
          }}
          onDeleted={() => {
            setVersion((n) => n + 1);
            router.navigate({ view: 'kb' });
          }}
        />
      ) : null}
    </div>
  );
}
