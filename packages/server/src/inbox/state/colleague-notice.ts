import type { ConversationStatus, Ticket } from '@helpline/core';
import type { AssigneeEvent } from '../api/schemas.js';
import { strings } from '../strings.js';

type Assignment = Pick<AssigneeEvent, 'assignee' | 'by'>;

/** The open ticket's fields that changed under the agent, in words ('' when none did). */
export function ticketChanges(before: Ticket, after: Ticket): string {
  const said: string[] = [];
  if (before.status !== after.status)
    said.push(strings.thread.changed(strings.ticket.status, strings.ticket.statuses[after.status]));
  if (before.severity !== after.severity) said.push(strings.thread.changed(strings.ticket.severity, after.severity));
  if (before.category !== after.category)
    said.push(strings.thread.changed(strings.ticket.category, strings.ticket.categories[after.category]));
  if (after.priority && before.priority !== after.priority)
    said.push(strings.thread.changed(strings.ticket.priority, after.priority));
  return said.join(' ');
}

/** A status someone else set: a colleague, or the visitor ending the chat from the widget (`by: 'user'`). */
export const conversationStatusChange = (status: ConversationStatus, by?: 'user'): string =>
  by === 'user' && status === 'resolved'
    ? strings.thread.visitorEnded
    : strings.thread.changed(strings.thread.status, strings.thread.statuses[status]);

/** Who gave the open thread to whom; `me` is the signed-in agent, told it is now theirs. */
export function assigneeChange({ assignee, by }: Assignment, me: string | undefined): string {
  const giver = by.name ?? strings.thread.colleague;
  if (!assignee) return strings.thread.unassignedBy(giver);
  if (assignee.id === by.id) return strings.thread.took(giver);
  if (assignee.id === me) return strings.thread.assignedToYou(giver);
  return strings.thread.assigned(giver, assignee.name ?? strings.thread.colleague);
}
