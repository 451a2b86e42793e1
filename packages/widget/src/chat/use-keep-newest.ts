import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Keeps the thread's end in view when its box gets shorter (the on-screen keyboard shrinking the
 * panel, the message box growing a line) if the user was reading the end: a shorter box keeps its
 * scroll position, which hides the newest messages. Someone reading older messages is left there.
 */
export function useKeepNewest(scroller: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let atEnd = true;
    const note = () => {
      atEnd = element.scrollHeight - element.scrollTop - element.clientHeight < 4;
    };
    const observer = new ResizeObserver(() => {
      if (atEnd) element.scrollTop = element.scrollHeight;
    });
    element.addEventListener('scroll', note);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', note);
      observer.disconnect();
    };
  }, []);
}
