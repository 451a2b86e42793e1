import type { Ticket, TicketForm } from '@helpline/core';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';
import { firstResponseMinutes, formatWithin } from './first-response.js';

/** "Ticket submitted": the reference to quote and when to expect a first response. */
export function TicketConfirmation({ ticket, form }: { ticket: Ticket; form: TicketForm }) {
  const t = useT();
  const client = useClient();
  const { ticketList } = useValue(client.state.capabilities);
  return (
    <div class="hl-ticket__sent" role="status">
      <h2 tabIndex={-1} data-refocus>
        {t('ticket.sent')}
      </h2>
      <p>{t('ticket.sentReference', { reference: ticket.reference ?? ticket.id })}</p>
      <p>{t('ticket.sentExpect', { within: formatWithin(firstResponseMinutes(form, ticket.severity), t) })}</p>
      {ticketList && (
        <Button variant="secondary" onClick={() => void client.open({ name: 'tickets' })}>
          {t('ticket.viewTickets')}
        </Button>
      )}
    </div>
  );
}
