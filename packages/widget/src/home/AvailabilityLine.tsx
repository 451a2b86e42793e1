import type { Availability } from '@helpline/core';
import { formatWhen } from '../i18n/format-when.js';
import { useLocale, useT } from '../i18n/use-t.js';

/** "We're online · Typically replies in 5 minutes" or "We're away right now · Back Monday 09:00". */
export function AvailabilityLine({ availability }: { availability: Availability }) {
  const t = useT();
  const locale = useLocale();
  const online = availability.status === 'online';
  const headline = online ? t('home.online') : availability.status === 'away' ? t('home.away') : t('home.offline');
  let detail = '';
  if (online && availability.expectedReplyMinutes !== undefined) {
    detail = t('home.replyTime', { minutes: Math.max(1, Math.round(availability.expectedReplyMinutes)) });
  } else if (!online && availability.nextOpenAt) {
    detail = t('home.backAt', { when: formatWhen(new Date(availability.nextOpenAt), new Date(), locale) });
  }
  return (
    <p class={`hl-availability hl-availability--${availability.status}`}>
      <span class="hl-availability__dot" aria-hidden="true" />
      <span>
        <strong>{headline}</strong>
        {detail && <span class="hl-availability__detail">{detail}</span>}
      </span>
    </p>
  );
}
