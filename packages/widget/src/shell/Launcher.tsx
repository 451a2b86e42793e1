import { useT } from '../i18n/use-t.js';
import { Icon } from '../ui/Icon.js';
import { preloadView } from '../views.js';
import { useClient } from './client-context.js';
import css from './Launcher.css.js';
import { useStyles } from './use-styles.js';
import { useValue } from './use-value.js';

const MAX_BADGE = 99;

/** The floating button; its accessible name says whether it opens or closes and how many messages are unread. */
export function Launcher({
  buttonRef,
  panelId,
}: {
  buttonRef: { current: HTMLButtonElement | null };
  panelId: string;
}) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const open = useValue(client.state.isOpen);
  const unread = useValue(client.state.unreadCount);
  const label = open
    ? t('common.launcherClose')
    : unread > 0
      ? t('common.launcherUnread', { count: unread })
      : t('common.launcherOpen');
  return (
    <button
      ref={buttonRef}
      type="button"
      class="hl-launcher"
      aria-label={label}
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onPointerEnter={() => preloadView('home')}
      onFocus={() => preloadView('home')}
      onClick={() => {
        client.interacted();
        void client.toggle().catch(() => {});
      }}
    >
      <Icon name={open ? 'close' : 'chat'} />
      {unread > 0 && !open && (
        <span class="hl-launcher__badge" aria-hidden="true">
          {unread > MAX_BADGE ? `${MAX_BADGE}+` : unread}
        </span>
      )}
    </button>
  );
}
