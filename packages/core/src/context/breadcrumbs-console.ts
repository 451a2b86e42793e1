import type { Breadcrumb } from '../schemas/context.js';
import { patchMethod } from './patch.js';
import { MAX_MESSAGE_CHARS, stringifyArgs } from './safe-stringify.js';

type Add = (crumb: Breadcrumb) => void;

/** console.error/warn, uncaught errors and unhandled rejections. */
export function instrumentConsole(win: Window, now: () => Date, add: Add): () => void {
  const con = (win as Window & { console: Console }).console;
  const wrap = (level: 'error' | 'warn') =>
    patchMethod(
      con,
      level,
      (original, isActive) =>
        function (this: Console, ...args: unknown[]) {
          if (isActive()) {
            try {
              add({ type: 'console', level, message: stringifyArgs(args), at: now().toISOString() });
            } catch {
              // never let recording break the host's logging
            }
          }
          return original.apply(this, args);
        },
    );
  const undoError = wrap('error');
  const undoWarn = wrap('warn');
  const onError = (event: ErrorEvent) => {
    const error: unknown = event.error;
    const stack = error instanceof Error && error.stack ? error.stack.slice(0, 2000) : undefined;
    add({
      type: 'exception',
      message: stringifyArgs([error instanceof Error ? error : event.message || 'Script error']),
      ...(stack ? { stack } : {}),
      at: now().toISOString(),
    });
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    add({
      type: 'exception',
      message: `Unhandled rejection: ${stringifyArgs([reason])}`.slice(0, MAX_MESSAGE_CHARS),
      at: now().toISOString(),
    });
  };
  win.addEventListener('error', onError);
  win.addEventListener('unhandledrejection', onRejection);
  return () => {
    undoError();
    undoWarn();
    win.removeEventListener('error', onError);
    win.removeEventListener('unhandledrejection', onRejection);
  };
}
