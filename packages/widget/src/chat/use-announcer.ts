import type { Message } from '@helpline/core';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Text for a polite live region: the newest agent message that arrived after the thread first loaded,
 * so opening a conversation does not read out its whole history, or what `announce` was last given.
 */
export function useAnnouncer(
  messages: Message[],
  loaded: boolean,
  describe: (message: Message) => string,
): [announcement: string, announce: (text: string) => void] {
  const known = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!loaded) return;
    if (known.current === null) {
      known.current = new Set(messages.map((message) => message.id));
      return;
    }
    const fresh = messages.filter((message) => !known.current?.has(message.id));
    for (const message of fresh) known.current.add(message.id);
    const latest = fresh.filter((message) => message.author.type !== 'user').at(-1);
    if (latest) setAnnouncement(describe(latest));
  }, [messages, loaded]);
  return [announcement, setAnnouncement];
}
