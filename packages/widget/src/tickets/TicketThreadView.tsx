import { useEffect, useState } from 'preact/hooks';
import { AttachmentLinks } from '../attachments/AttachmentLinks.js';
import { AttachButton, AttachmentTray } from '../attachments/AttachmentTray.js';
import { useAttachments } from '../attachments/use-attachments.js';
import { MessageText } from '../chat/MessageText.js';
import conversationStrings from '../i18n/en/conversation.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { errorText } from '../ui/error-text.js';
import { RedactionNote } from '../ui/RedactionNote.js';
import { Spinner } from '../ui/Spinner.js';
import type { ViewProps } from '../views.js';
import { relativeTime } from './relative-time.js';
import css from './TicketsView.css.js';
import { TicketStatusBadge } from './TicketsView.js';

/** One ticket: its details, status, the conversation with support and a reply box. */
function TicketThreadViewBody({ view }: ViewProps) {
  useStyles(css);
  const t = useT();
  return view.ticketId ? <TicketPage ticketId={view.ticketId} /> : <Spinner label={t('common.loading')} />;
}

function TicketPage({ ticketId }: { ticketId: string }) {
  const client = useClient();
  const t = useT();
  const locale = useLocale();
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const files = useAttachments();
  // Core keeps both current: status changes, live replies, the user's own.
  const { messages, loading, error } = useValue(client.tickets.thread(ticketId));
  const ticket = useValue(client.tickets.list).tickets.find((other) => other.id === ticketId);
  const capabilities = useValue(client.state.capabilities);
  const readable = capabilities.ticketRead;
  const [solving, setSolving] = useState(false);
  const [solvedHere, setSolvedHere] = useState(false);
  const [solveError, setSolveError] = useState<string | undefined>();
  const unread = ticket?.unreadCount ?? 0;
  // The ticket on screen is read: its replies stop counting on the launcher and in My tickets.
  useEffect(() => {
    if (readable && unread > 0 && document.visibilityState !== 'hidden')
      void client.tickets.markRead(ticketId).catch(() => undefined);
  }, [ticketId, unread, readable]);
  const failed = error && !loading && (
    <ErrorNotice
      message={errorText(t, error)}
      onRetry={() => void client.tickets.get(ticketId).catch(() => undefined)}
    />
  );

  if (!ticket) return failed || <Spinner label={t('common.loading')} />;
  const solvable = capabilities.solveTicket && ['new', 'open', 'pending'].includes(ticket.status);
  // Set before the ticket changes, so the note that takes the button's place (and its focus) comes with it.
  const solve = () => {
    if (solving) return;
    setSolving(true);
    setSolvedHere(true);
    setSolveError(undefined);
    client.tickets
      .solve(ticketId)
      .catch((failure: unknown) => {
        setSolvedHere(false);
        setSolveError(errorText(t, failure));
      })
      .finally(() => setSolving(false));
  };
  const send = (event: Event) => {
    event.preventDefault();
    if (sending || !reply.trim()) return;
    setSending(true);
    setReplyError(undefined);
    // Files still uploading go with the reply once they are up; one that fails stops it.
    files
      .ready()
      .then(async (attachments) => {
        if (!attachments) return;
        await client.tickets.reply(ticketId, reply, attachments);
        // What was typed while the reply was on its way stays in the box.
        setReply((current) => (current === reply ? '' : current));
        files.sent(attachments);
      })
      .catch((failure: unknown) => setReplyError(errorText(t, failure)))
      .finally(() => setSending(false));
  };
  return (
    <section class="hl-thread" aria-label={ticket.subject}>
      <header>
        <h2 dir="auto">{ticket.subject}</h2>
        <p>
          <TicketStatusBadge ticket={ticket} /> {t(`ticket.severity.${ticket.severity}`)} ·{' '}
          {ticket.reference ?? ticket.id} ·{' '}
          {t('tickets.updated', { when: relativeTime(ticket.updatedAt, new Date(), locale) })}
        </p>
        {ticket.description && <MessageText body={ticket.description} />}
        <AttachmentLinks attachments={ticket.attachments} />
      </header>
      {failed}
      {messages.length === 0 ? (
        !loading && !error && <p>{t('tickets.noMessages')}</p>
      ) : (
        <ol class="hl-thread__list">
          {messages.map((message) => (
            <li key={message.id} class="hl-thread__msg">
              <p class="hl-thread__author">
                {message.author.type === 'user' ? t('chat.you') : (message.author.name ?? t('chat.support'))}
              </p>
              <MessageText body={message.body} />
              <AttachmentLinks attachments={message.attachments} />
            </li>
          ))}
        </ol>
      )}
      {solvable && (
        <div class="hl-thread__solve">
          <Button variant="secondary" onClick={solve} aria-disabled={solving ? 'true' : undefined}>
            {t('tickets.solve')}
          </Button>
          {solveError && <ErrorNotice message={solveError} />}
        </div>
      )}
      {solvedHere && ticket.status === 'solved' && (
        <p class="hl-thread__solved" role="status" tabIndex={-1} data-refocus>
          {t('tickets.solvedByYou')}
        </p>
      )}
      <form class="hl-thread__reply" onSubmit={send}>
        <label for="hl-ticket-reply">{t('tickets.replyLabel')}</label>
        {/* Where focus goes once a reply is sent and the emptied form disables its button. */}
        <textarea
          id="hl-ticket-reply"
          rows={3}
          value={reply}
          data-refocus
          onInput={(e) => setReply(e.currentTarget.value)}
        />
        <RedactionNote texts={[reply]} />
        <AttachmentTray state={files} />
        {replyError && <ErrorNotice message={replyError} />}
        <div class="hl-thread__actions">
          <AttachButton state={files} />
          {/* aria-disabled while sending: a disabled button would drop focus mid-send. */}
          <Button type="submit" disabled={!reply.trim()} aria-disabled={sending}>
            {t('tickets.reply')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** TicketThreadView, with the chat and ticket strings it needs. */
export const TicketThreadView = withStrings(conversationStrings, TicketThreadViewBody);
