import type { HelplineClient } from '../client/types.js';
import { createDispatcher, type DispatcherDeps, type HelplineFunction } from './dispatcher.js';

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };

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
    void dispatch(command as string, ...args);
  }
  return dispatch;
}
