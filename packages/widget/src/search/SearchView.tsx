import { MAX_SEARCH_QUERY_LENGTH } from '@helpline/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import homeCss from '../home/HomeView.css.js';
import kbStrings from '../i18n/en/kb.js';
import { useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { Icon } from '../ui/Icon.js';
import { Spinner } from '../ui/Spinner.js';
import type { ViewProps } from '../views.js';
import { NoResults } from './NoResults.js';
import { ResultList } from './ResultList.js';
import css from './SearchView.css.js';
import { useDebouncedEffect } from './use-debounced-effect.js';

const DEBOUNCE_MS = 200;

function SearchViewBody({ view }: ViewProps) {
  useStyles(homeCss);
  useStyles(css);
  const client = useClient();
  const t = useT();
  const results = useValue(client.kb.results);
  // The view's query is where the user arrived with (home search, back from an article); typing then owns it.
  const [query, setQuery] = useState(view.query ?? results.query);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const run = (q: string) => void client.search(q).catch(() => {});
  useEffect(() => {
    if (query.trim() !== '' && (results.query !== query || results.error)) run(query);
  }, []);
  useDebouncedEffect(query, DEBOUNCE_MS, (q) => {
    if (q !== client.kb.results.value.query) run(q);
  });

  const current = results.query === query;
  const searched = query.trim() !== '' && current && !results.loading;
  // Back from an article opened here: focus returns to its result rather than to the search box.
  const cameFrom = searched && results.hits.some((hit) => hit.id === view.articleId) ? view.articleId : undefined;
  const onInputKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown') return;
    const first = list.current?.querySelector<HTMLButtonElement>('button');
    if (first) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="hl-search">
      <search>
        <form
          class="hl-search-box"
          onSubmit={(event) => {
            event.preventDefault();
            run(query);
          }}
        >
          <label class="hl-visually-hidden" for="hl-search-input">
            {t('search.label')}
          </label>
          <Icon name="search" class="hl-search-box__icon" />
          <input
            ref={input}
            id="hl-search-input"
            class="hl-search-box__input"
            type="search"
            autocomplete="off"
            maxLength={MAX_SEARCH_QUERY_LENGTH}
            data-autofocus={!cameFrom || undefined}
            placeholder={t('search.placeholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={onInputKey}
          />
        </form>
      </search>
      <p class="hl-search__status" role="status">
        {query.trim() === ''
          ? t('search.prompt')
          : searched && !results.error
            ? t('search.results', { count: results.hits.length })
            : ''}
      </p>
      {query.trim() !== '' && (!current || results.loading) && <Spinner label={t('search.searching')} />}
      {searched && results.error && <ErrorNotice message={t('search.error')} onRetry={() => run(query)} />}
      {searched && !results.error && results.hits.length === 0 && <NoResults query={query.trim()} />}
      {searched && !results.error && results.hits.length > 0 && (
        <div ref={list}>
          <ResultList
            hits={results.hits}
            label={t('search.resultsList')}
            focusId={cameFrom}
            onOpen={(id) => void client.open({ name: 'article', articleId: id }).catch(() => {})}
            onLeaveTop={() => input.current?.focus()}
          />
        </div>
      )}
    </div>
  );
}

export const SearchView = withStrings(kbStrings, SearchViewBody);
