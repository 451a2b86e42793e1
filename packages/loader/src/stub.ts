import type { QueuedCall } from '@helpline/core';

/**
 * The queue stub: `Helpline(...)` calls made before the widget bundle arrives are kept in `Helpline.q`
 * and replayed in order by core's installGlobal. Same shape as the copy-paste inline snippet.
 */
export interface HelplineStub {
  (...args: unknown[]): unknown;
  q?: QueuedCall[];
  /** Set by the loader once it has taken over, so a second copy of the snippet does nothing. */
  loaderStarted?: boolean;
}
