import * as z from 'zod/mini';
import { ValidationError } from '../errors/validation-error.js';
import type { Emitter } from '../events/emitter.js';
import type { Report } from './command.js';
import type { HelplineClient, HelplineEvents } from './types.js';

export const EventName = z.enum([
  'ready',
  'open',
  'close',
  'message',
  'unread',
  'ticket:created',
  'conversation:started',
  'article:viewed',
  'article:rated',
  'error',
]);
const ListenerArgs = z.object({
  event: EventName,
  listener: z.custom<(payload: never) => void>((value) => typeof value === 'function', 'a function'),
});

/**
 * on/once/off return synchronously (on and once an unsubscribe function), so a bad call is reported
 * (console + `error` event) and answered with a no-op instead of a rejection.
 */
export function listenerMethods(
  emitter: Emitter<HelplineEvents>,
  report: Report,
): Pick<HelplineClient, 'on' | 'once' | 'off'> {
  const valid = (name: string, event: unknown, listener: unknown): boolean => {
    const result = z.safeParse(ListenerArgs, { event, listener });
    if (result.success) return true;
    const field = result.error.issues[0]?.path.join('.') || 'event';
    const expected = field === 'event' ? `one of ${EventName.options.join(', ')}` : 'a function';
    const message = `Invalid arguments to ${name}: ${field}: expected ${expected}`;
    report(new ValidationError('invalid_command', message, [message], field), name);
    return false;
  };
  return {
    on: (event, listener) => (valid('on', event, listener) ? emitter.on(event, listener) : () => {}),
    once: (event, listener) => (valid('once', event, listener) ? emitter.once(event, listener) : () => {}),
    off: (event, listener) => {
      if (valid('off', event, listener)) emitter.off(event, listener);
    },
  };
}
