import { AdapterError } from '../errors/adapter-error.js';
import { isHelplineError } from '../errors/helpline-error.js';
import type { Emitter } from '../events/emitter.js';
import type { Report } from './command.js';
import type { HelplineEvents } from './types.js';

/**
 * Reports a failure once, however many wrappers it passes through: one console.error naming the
 * command, one `error` event. Errors that are not ours (a TypeError from fetch) are reported as network errors.
 */
export function createReporter(log: Pick<Console, 'error'>, emitter: Pick<Emitter<HelplineEvents>, 'emit'>): Report {
  const reported = new WeakSet<object>();
  return (error, commandName) => {
    if (typeof error === 'object' && error !== null) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    const helplineError = isHelplineError(error)
      ? error
      : new AdapterError('network', error instanceof Error ? error.message : String(error), {
          cause: error,
          retryable: true,
        });
    log.error(`[Helpline] ${commandName}: ${helplineError.message}`);
    emitter.emit('error', { error: helplineError, command: commandName });
  };
}
