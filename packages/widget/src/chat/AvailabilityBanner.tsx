import { useLocale, useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';

/**
 * Tells the user the team is away or offline, when it is back and how soon to expect a reply. Once the
 * conversation is under way (`brief`), the status and the time it is back are enough: the rest was said
 * before the first message, and four lines above a phone's keyboard leave little room for the thread.
 */
export function AvailabilityBanner({ brief = false }: { brief?: boolean }) {
  const client = useClient();
  const t = useT();
  const locale = useLocale();
  const availability = useValue(client.state.availability);
  if (!availability || availability.status === 'online') return null;
  const back = availability.nextOpenAt
    ? new Intl.DateTimeFormat(locale, { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(
        new Date(availability.nextOpenAt),
      )
    : undefined;
  return (
    <div class="hl-chat__banner" role="note">
      <p>{t(availability.status === 'away' ? 'chat.away' : 'chat.offline')}</p>
      {back && <p>{t('chat.backAt', { when: back })}</p>}
      {!brief && availability.expectedReplyMinutes !== undefined && (
        <p>{t('chat.expectedReply', { minutes: Math.round(availability.expectedReplyMinutes) })}</p>
      )}
      {!brief && <p>{t('chat.stillSend')}</p>}
    </div>
  );
}
