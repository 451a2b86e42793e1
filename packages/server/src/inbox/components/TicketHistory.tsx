import type { HistoryEntry } from '../api/schemas.js';
import { strings } from '../strings.js';
import { formatTime } from '../util/duration.js';

/** Who changed what on the ticket, oldest first. */
export function TicketHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <section class="history" aria-labelledby="history-title">
      <h3 id="history-title">{strings.ticket.history}</h3>
      {history.length === 0 ? (
        <p class="muted">{strings.ticket.noHistory}</p>
      ) : (
        <ol>
          {history.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at}>{formatTime(entry.at)}</time>{' '}
              {entry.field === 'escalation'
                ? strings.ticket.escalated(entry.by, entry.to)
                : strings.ticket.change(
                    entry.field,
                    entry.from ?? strings.ticket.none,
                    entry.to ?? strings.ticket.none,
                    entry.by,
                  )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
