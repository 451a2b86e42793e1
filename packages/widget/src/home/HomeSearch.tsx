import { MAX_SEARCH_QUERY_LENGTH } from '@helpline/core';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { Icon } from '../ui/Icon.js';

/** The home view's search box; submitting opens the search view with the query. */
export function HomeSearch() {
  const client = useClient();
  const t = useT();
  const [query, setQuery] = useState('');
  return (
    <search>
      <form
        class="hl-search-box"
        onSubmit={(event) => {
          event.preventDefault();
          void client.search(query).catch(() => {});
        }}
      >
        <label class="hl-visually-hidden" for="hl-home-search">
          {t('home.searchLabel')}
        </label>
        <Icon name="search" class="hl-search-box__icon" />
        <input
          id="hl-home-search"
          class="hl-search-box__input"
          type="search"
          autocomplete="off"
          maxLength={MAX_SEARCH_QUERY_LENGTH}
          placeholder={t('home.searchPlaceholder')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </form>
    </search>
  );
}
