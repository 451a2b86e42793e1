import type { Message } from '@helpline/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollParent } from '../util/scroll-parent.js';

/** Within this many pixels of the end, the agent counts as reading the newest messages. */
const NEAR_END_PX = 48;

/**
 * Keeps the newest message in view while the agent is at the end of the thread. Scrolled up to read,
 * a new message leaves them where they are and `behind` is set (the thread offers to jump); their own
 * reply always brings them down. `end` marks the end of the list.
 */
export function useFollowNewest(messages: readonly Message[], agentId: string | undefined) {
  const end = useRef<HTMLLIElement>(null);
  const atEnd = useRef(true);
  const shown = useRef(0);
  const [behind, setBehind] = useState(false);

  const jump = (): void => {
    end.current?.scrollIntoView?.({ block: 'end' });
    atEnd.current = true;
    setBehind(false);
  };

  useEffect(() => {
    // Scroll events do not bubble: listen on the way down to whichever element scrolls the thread.
    const onScroll = (): void => {
      const sentinel = end.current;
      if (!sentinel) return;
      const scroller = scrollParent(sentinel);
      const bottom = scroller ? scroller.getBoundingClientRect().bottom : window.innerHeight;
      atEnd.current = sentinel.getBoundingClientRect().top <= bottom + NEAR_END_PX;
      if (atEnd.current) setBehind(false);
    };
    document.addEventListener('scroll', onScroll, true);
    return () => document.removeEventListener('scroll', onScroll, true);
  }, []);

  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = messages.length;
    if (messages.length === before) return;
    // Fewer messages: another thread is loading, and it opens at its newest message.
    if (messages.length < before) {
      atEnd.current = true;
      setBehind(false);
      return;
    }
    const newest = messages.at(-1);
    const mine = newest?.author.type === 'agent' && agentId !== undefined && newest.author.id === agentId;
    if (before === 0 || atEnd.current || mine) jump();
    else setBehind(true);
  }, [messages.length]);

  return { end, behind, jump };
}
