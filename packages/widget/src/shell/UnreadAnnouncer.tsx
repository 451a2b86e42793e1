import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from './client-context.js';
import { useValue } from './use-value.js';

/**
 * Says, politely and once, that a reply came in while the open panel shows something else: a reply
 * to the thread on screen is not counted as unread, and that thread announces it itself.
 */
export function UnreadAnnouncer() {
  const client = useClient();
  const t = useT();
  const count = useValue(client.state.unreadCount);
  const last = useRef(count);
  const [text, setText] = useState('');
  useEffect(() => {
    // Emptied when the count drops, so the same words are spoken again for the next reply.
    if (count !== last.current) setText(count > last.current ? t('common.unread', { count }) : '');
    last.current = count;
  }, [count]);
  return (
    <div class="hl-visually-hidden" aria-live="polite">
      {text}
    </div>
  );
}
