import type { Ticket } from '@helpline/core';
import { useEffect } from 'preact/hooks';
import conversationStrings from '../i18n/en/conversation.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';
import { EmptyState } from '../ui/EmptyState.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { errorText } from '../ui/error-text.js';
import { Spinner } from '../ui/Spinner.js';
import type { ViewProps } from '../views.js';
import { relativeTime } from './relative-time.js';
import css from './TicketsView.css.js';

export function TicketStatusBadge({ ticket }: { ticket: Ticket }) {
  const t = useT();
  return <span class={`hl-badge hl-badge--${ticket.status}`}>{t(`tickets.status.${ticket.status}`)}</span>;
}

/** "My tickets": every ticket of the visitor with status, severity and last update. */
function TicketsViewBody(_props: ViewProps) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const locale = useLocale();
  const { tickets, loading, error } = useValue(client.tickets.list);
  const load = () => void client.tickets.load().catch(() => undefined);
  useEffect(load, []);
  const now = new Date();
  return (
    <section class="hl-tickets" aria-label={t('tickets.title')}>
      {error && <ErrorNotice message={errorText(t, error)} onRetry={load} />}
      {loading && tickets.length === 0 && <Spinner label={t('common.loading')} />}
      {!loading && !error && tickets.length === 0 && (
        <EmptyState icon="ticket" title={t('tickets.empty')} hint={t('tickets.emptyHint')}>
          <Button onClick={() => void client.open({ name: 'ticket' })}>{t('tickets.new')}</Button>
        </EmptyState>
      )}
      <ul class="hl-tickets__list">
        {[...tickets]
          .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
          .map((ticket) => (
            <li key={ticket.id}>
              <button
                type="button"
                class="hl-tickets__item"
                onClick={() => void client.open({ name: 'ticketThread', ticketId: ticket.id })}
              >
                <span class="hl-tickets__subject" dir="auto">
                  {ticket.subject}
                </span>
                {ticket.unreadCount ? (
                  <span class="hl-tickets__unread">{t('chat.unread', { count: ticket.unreadCount })}</span>
                ) : null}
                <span class="hl-tickets__meta">
                  <TicketStatusBadge ticket={ticket} /> <span>{t(`ticket.severity.${ticket.severity}`)}</span> ·{' '}
                  <span>{t('tickets.updated', { when: relativeTime(ticket.updatedAt, now, locale) })}</span>
                </span>
                <span class="hl-tickets__ref">{ticket.reference ?? ticket.id}</span>
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

/** TicketsView, with the chat and ticket strings it needs. */
export const TicketsView = withStrings(conversationStrings, TicketsViewBody);
