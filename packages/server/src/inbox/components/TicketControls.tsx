import { Category, Severity, type Ticket, TicketStatus } from '@helpline/core';
import type { TicketPatch } from '../api/schemas.js';
import { strings } from '../strings.js';
import { SavedSelect } from './SavedSelect.js';

const SEVERITIES = Severity.options.map((value) => [value, value] as const);
const STATUSES = TicketStatus.options.map((value) => [value, strings.ticket.statuses[value]] as const);
const CATEGORIES = Category.options.map((value) => [value, strings.ticket.categories[value]] as const);

interface Props {
  ticket: Ticket;
  onChange: (patch: TicketPatch) => Promise<void>;
}

/** Severity, status and category of a ticket; each change is saved at once and lands in the history. */
export function TicketControls({ ticket, onChange }: Props) {
  return (
    <div class="ticket-controls">
      <SavedSelect
        id="ticket-severity"
        label={strings.ticket.severity}
        value={ticket.severity}
        options={SEVERITIES}
        onChange={(value) => onChange({ severity: Severity.parse(value) })}
      />
      <SavedSelect
        id="ticket-status"
        label={strings.ticket.status}
        value={ticket.status}
        options={STATUSES}
        onChange={(value) => onChange({ status: TicketStatus.parse(value) })}
      />
      <SavedSelect
        id="ticket-category"
        label={strings.ticket.category}
        value={ticket.category}
        options={CATEGORIES}
        onChange={(value) => onChange({ category: Category.parse(value) })}
      />
    </div>
  );
}
