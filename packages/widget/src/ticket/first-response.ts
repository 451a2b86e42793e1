import { DEFAULT_FIRST_RESPONSE_MINUTES, type Severity, type TicketForm } from '@helpline/core';
import type { Translate } from '../i18n/use-t.js';

const HOUR = 60;
const DAY = 24 * HOUR;

/** The first-response target for a severity: the backend's when it says, the default otherwise. */
export const firstResponseMinutes = (form: TicketForm | undefined, severity: Severity): number =>
  form?.firstResponseMinutes?.[severity] ?? DEFAULT_FIRST_RESPONSE_MINUTES[severity];

/** "within 15 minutes", "within 1 hour", "within 2 days" — whole units only, rounded up. */
export function formatWithin(minutes: number, t: Translate): string {
  if (minutes < HOUR) return t('ticket.withinMinutes', { count: Math.max(1, Math.ceil(minutes)) });
  if (minutes < DAY) return t('ticket.withinHours', { count: Math.ceil(minutes / HOUR) });
  return t('ticket.withinDays', { count: Math.ceil(minutes / DAY) });
}
