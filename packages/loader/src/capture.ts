import { type EarlyToggles, type QueuedCall, startEarlyCapture } from '@helpline/core';
import type { LoaderWindow } from './start.js';

// The script tag's second file, loaded by the loader when the page is first idle: the widget itself
// comes on the first click, and what failed before it would otherwise be missing from the snapshot.
// It honours the breadcrumb switches of the queued boot; the widget validates them when it boots.
try {
  const win = window as LoaderWindow;
  const boot = (win.Helpline?.q ?? []).find((entry) => entry[0] === 'boot')?.[1] as
    | { privacy?: { breadcrumbs?: EarlyToggles } }
    | undefined;
  startEarlyCapture(win, boot?.privacy?.breadcrumbs ?? {});
} catch (error) {
  console.error('Helpline:', error);
}

// Calls queued from now on carry when they were made: a `track` keeps its time when the widget replays
// it. Defined rather than assigned, as a page may have frozen Array.prototype; where the queue itself
// is frozen, calls keep the widget's time.
try {
  const queue = (window as LoaderWindow).Helpline?.q;
  if (queue)
    Object.defineProperty(queue, 'push', {
      configurable: true,
      writable: true,
      value: (...calls: QueuedCall[]) => {
        for (const call of calls) {
          try {
            call.t ??= Date.now();
          } catch {}
        }
        return Array.prototype.push.apply(queue, calls);
      },
    });
} catch {}
