import type { Ticket } from '@helpline/core';
import { strings } from '../strings.js';
import { AttachmentLink } from './AttachmentLink.js';

/** What the customer filled in: description, form fields and files, all shown as text. */
export function TicketDetails({ ticket, queue }: { ticket: Ticket; queue?: string | undefined }) {
  const fields = Object.entries(ticket.fields);
  return (
    <section class="ticket-details" aria-label={strings.ticket.details}>
      {ticket.description ? (
        <p class="message-text" dir="auto">
          {ticket.description}
        </p>
      ) : null}
      {fields.length > 0 || ticket.priority || queue ? (
        <dl class="facts">
          {queue ? (
            <div class="fact">
              <dt>{strings.ticket.queue}</dt>
              <dd>{queue}</dd>
            </div>
          ) : null}
          {ticket.priority ? (
            <div class="fact">
              <dt>{strings.ticket.priority}</dt>
              <dd>{ticket.priority}</dd>
            </div>
          ) : null}
          {fields.map(([name, value]) => (
            <div key={name} class="fact">
              <dt>{name}</dt>
              <dd dir="auto">{String(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {ticket.attachments.length > 0 ? (
        <ul class="plain-list" aria-label={strings.ticket.attachments}>
          {ticket.attachments.map((attachment) => (
            <li key={attachment.id}>
              <AttachmentLink attachment={attachment} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
