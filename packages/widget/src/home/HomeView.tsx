import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import type { ViewProps } from '../views.js';
import { AvailabilityLine } from './AvailabilityLine.js';
import { ContactEntries } from './ContactEntries.js';
import { HomeSearch } from './HomeSearch.js';
import css from './HomeView.css.js';
import { RecentConversations } from './RecentConversations.js';
import { Suggestions } from './Suggestions.js';

export function HomeView(_props: ViewProps) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const caps = useValue(client.state.capabilities);
  const availability = useValue(client.state.availability);
  return (
    <div class="hl-home">
      <p class="hl-home__greeting">{client.options.appearance.greeting ?? t('home.greeting')}</p>
      {availability && (caps.chat || caps.tickets) && <AvailabilityLine availability={availability} />}
      {caps.kb && <HomeSearch />}
      {caps.kb && <Suggestions />}
      <ContactEntries />
      {caps.chat && <RecentConversations />}
    </div>
  );
}
