import type { HelplineClient } from '../client/types.js';
import { createDispatcher, type DispatcherDeps, type HelplineFunction } from './dispatcher.js';

/** A queued call: its arguments, and when it was made if the page stamped it (the script tag's early capture does). */
export type QueuedCall = ArrayLike<unknown> & { t?: number };

type Stub = ((...args: unknown[]) => void) & { q?: QueuedCall[] };

/**
 * Replaces the snippet's queue stub (`window.Helpline = function(){ (Helpline.q = Helpline.q || []).push(arguments) }`)
 * with the real dispatcher and replays what the page queued, in order.
 */
export function installGlobal(
  target: Window,
  create: (options: unknown) => HelplineClient,
  deps: DispatcherDeps = {},
): HelplineFunction {
  const host = target as unknown as { Helpline?: Stub | HelplineFunction };
  const stub = host.Helpline as Stub | undefined;
  const queued = typeof stub === 'function' && Array.isArray(stub.q) ? stub.q : [];
  const dispatch = createDispatcher(create, deps);
  host.Helpline = dispatch;
  for (const call of queued) {
    const [command, ...args] = Array.from(call);
    // A track call stamped when it was queued (QueuedCall.t) keeps that time rather than the boot's.
    const { t } = call as QueuedCall;
    if (command === 'track' && typeof t === 'number' && args.length < 3) args[2] = t;
    void dispatch(command as string, ...args);
  }
  return dispatch;
}
