import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';
import { EmptyState } from '../ui/EmptyState.js';

/** Nothing matched: offer a person instead, through whatever channels exist. */
export function NoResults({ query }: { query: string }) {
  const client = useClient();
  const t = useT();
  const caps = useValue(client.state.capabilities);
  const canContact = caps.chat || caps.tickets;
  return (
    <EmptyState
      icon="search"
      title={t('search.empty', { query })}
      hint={canContact ? t('search.emptyHint') : undefined}
    >
      {caps.chat && (
        <Button icon="chat" onClick={() => void client.open({ name: 'chat' }).catch(() => {})}>
          {t('common.startChat')}
        </Button>
      )}
      {caps.tickets && (
        <Button
          icon="ticket"
          variant="secondary"
          onClick={() => void client.newTicket({ subject: query.slice(0, 200) }).catch(() => {})}
        >
          {t('common.submitTicket')}
        </Button>
      )}
    </EmptyState>
  );
}
