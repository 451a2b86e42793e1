import type { Article } from '@helpline/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import kbStrings from '../i18n/en/kb.js';
import { useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { ArticleList } from '../ui/ArticleList.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { focusIfWaiting } from '../ui/focus-if-waiting.js';
import { Spinner } from '../ui/Spinner.js';
import type { ViewProps } from '../views.js';
import { ArticleBody } from './ArticleBody.js';
import css from './ArticleView.css.js';
import { HelpfulVote } from './HelpfulVote.js';

type Load = { state: 'loading' } | { state: 'ready'; article: Article } | { state: 'failed' };

function ArticleViewBody({ view }: ViewProps) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = view.articleId;

  useEffect(() => {
    if (!id) return setLoad({ state: 'failed' });
    let current = true;
    setLoad({ state: 'loading' });
    client.kb.getArticle(id).then(
      (article) => current && setLoad({ state: 'ready', article }),
      () => current && setLoad({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  const ready = load.state === 'ready';
  useEffect(() => focusIfWaiting(heading.current), [ready]);

  if (load.state === 'loading') return <Spinner label={t('article.loading')} />;
  if (load.state === 'failed')
    return <ErrorNotice message={t('article.error')} onRetry={() => setAttempt((n) => n + 1)} />;
  const { article } = load;
  return (
    <article class="hl-article" aria-labelledby="hl-article-title">
      <h3 ref={heading} id="hl-article-title" class="hl-article__title" tabIndex={-1} dir="auto">
        {article.title}
      </h3>
      <ArticleBody html={article.html} base={article.url} />
      <HelpfulVote key={article.id} articleId={article.id} />
      {article.related.length > 0 && (
        <section class="hl-article__related" aria-labelledby="hl-article-related">
          <h3 id="hl-article-related">{t('article.related')}</h3>
          <ArticleList
            hits={article.related}
            onOpen={(next) => void client.open({ name: 'article', articleId: next }).catch(() => {})}
          />
        </section>
      )}
    </article>
  );
}

export const ArticleView = withStrings(kbStrings, ArticleViewBody);
