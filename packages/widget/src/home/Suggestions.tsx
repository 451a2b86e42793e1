import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { ArticleList } from '../ui/ArticleList.js';

/** Tips and articles the host registered (or the backend suggests) for the page the user is on. */
export function Suggestions() {
  const client = useClient();
  const t = useT();
  const { hits, tips } = useValue(client.kb.suggestions);
  if (hits.length === 0 && tips.length === 0) return null;
  return (
    <section class="hl-home__section" aria-labelledby="hl-home-suggestions">
      <h3 id="hl-home-suggestions" class="hl-home__heading">
        {t('home.suggestions')}
      </h3>
      {tips.length > 0 && (
        <ul class="hl-tips" aria-label={t('home.tips')}>
          {tips.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      )}
      {hits.length > 0 && (
        <ArticleList
          hits={hits}
          onOpen={(id) => void client.open({ name: 'article', articleId: id }).catch(() => {})}
        />
      )}
    </section>
  );
}
