import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';

/** Ways to reach a person, each shown only when the adapter (and the host's features) allow it. */
export function ContactEntries() {
  const client = useClient();
  const t = useT();
  const caps = useValue(client.state.capabilities);
  const unread = useValue(client.tickets.unread);
  if (!caps.chat && !caps.tickets && !caps.ticketList) return null;
  const go = (name: 'chat' | 'ticket' | 'tickets') => () => void client.open({ name }).catch(() => {});
  return (
    <section class="hl-home__section" aria-labelledby="hl-home-contact">
      <h3 id="hl-home-contact" class="hl-home__heading">
        {t('home.contact')}
      </h3>
      <div class="hl-home__actions">
        {caps.chat && (
          <Button icon="chat" block onClick={go('chat')}>
            {t('common.startChat')}
          </Button>
        )}
        {caps.tickets && (
          <Button icon="ticket" variant={caps.chat ? 'secondary' : 'primary'} block onClick={go('ticket')}>
            {t('common.submitTicket')}
          </Button>
        )}
        {caps.ticketList && (
          <Button icon="ticket" variant="secondary" block onClick={go('tickets')}>
            {t('common.myTickets')}
            {unread > 0 && (
              <>
                {' '}
                <span aria-hidden="true">({unread})</span>
                <span class="hl-visually-hidden">{t('common.unread', { count: unread })}</span>
              </>
            )}
          </Button>
        )}
      </div>
    </section>
  );
}
