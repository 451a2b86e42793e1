import { Category, Severity, type Ticket, TicketStatus } from '@helpline/core';
import { useState } from 'preact/hooks';
import type { TicketPatch } from '../api/schemas.js';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';

interface Props {
  ticket: Ticket;
  onChange: (patch: TicketPatch) => Promise<void>;
}

/** Severity, status and category of a ticket; each change is saved at once and lands in the history. */
export function TicketControls({ ticket, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const change = (patch: TicketPatch): void => {
    setError(null);
    onChange(patch).catch((failure: unknown) => setError(errorMessage(failure)));
  };
  return (
    <div class="ticket-controls">
      <div class="field-inline">
        <label for="ticket-severity">{strings.ticket.severity}</label>
        <select
          id="ticket-severity"
          value={ticket.severity}
          onChange={(event) => change({ severity: Severity.parse(event.currentTarget.value) })}
        >
          {Severity.options.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <div class="field-inline">
        <label for="ticket-status">{strings.ticket.status}</label>
        <select
          id="ticket-status"
          value={ticket.status}
          onChange={(event) => change({ status: TicketStatus.parse(event.currentTarget.value) })}
        >
          {TicketStatus.options.map((value) => (
            <option key={value} value={value}>
              {strings.ticket.statuses[value]}
            </option>
          ))}
        </select>
      </div>
      <div class="field-inline">
        <label for="ticket-category">{strings.ticket.category}</label>
        <select
          id="ticket-category"
          value={ticket.category}
          onChange={(event) => change({ category: Category.parse(event.currentTarget.value) })}
        >
          {Category.options.map((value) => (
            <option key={value} value={value}>
              {strings.ticket.categories[value]}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
