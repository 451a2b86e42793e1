import { useEffect, useRef } from 'preact/hooks';
import { useClient } from '../shell/client-context.js';

const THROTTLE_MS = 3000;

/** Tells the agent the user is typing at most every 3 s, and that they stopped when the box empties or unmounts. */
export function useTypingSender(conversationId: string | undefined) {
  const client = useClient();
  const lastSent = useRef(0);
  useEffect(
    () => () => {
      if (conversationId && lastSent.current) client.chat.setTyping(conversationId, false);
    },
    [conversationId],
  );
  return (text: string) => {
    if (!conversationId) return;
    if (text === '') {
      if (lastSent.current) client.chat.setTyping(conversationId, false);
      lastSent.current = 0;
      return;
    }
    const now = Date.now();
    if (now - lastSent.current < THROTTLE_MS) return;
    lastSent.current = now;
    client.chat.setTyping(conversationId, true);
  };
}
