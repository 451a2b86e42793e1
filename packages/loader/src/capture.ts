import { type EarlyToggles, type QueuedCall, startEarlyCapture } from '@helpline/core';
import type { LoaderWindow } from './start.js';

// The script tag's second file, loaded by the loader when the page is first idle: the widget itself
// comes on the first click, and what failed before it would otherwise be missing from the snapshot.
// It honours the breadcrumb switches of the queued boot; the widget validates them when it boots.
try {
  const win = window as LoaderWindow;
  const queue = win.Helpline?.q ?? [];
  const boot = queue.find((entry) => entry[0] === 'boot')?.[1] as
    | { privacy?: { breadcrumbs?: EarlyToggles } }
    | undefined;
  startEarlyCapture(win, boot?.privacy?.breadcrumbs ?? {});
  // Calls queued from now on carry when they were made: a `track` keeps its time when the widget replays it.
  queue.push = (...calls: QueuedCall[]) => {
    for (const call of calls) call.t ??= Date.now();
    return Array.prototype.push.apply(queue, calls);
  };
} catch (error) {
  console.error('Helpline:', error);
}
