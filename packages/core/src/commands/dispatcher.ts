import type { HelplineClient } from '../client/types.js';

/** The script-tag spelling: `Helpline('open', 'chat')`. Never throws; resolves to undefined on errors. */
export type HelplineFunction = (command: string, ...args: unknown[]) => Promise<unknown>;

export interface DispatcherDeps {
  console?: Pick<Console, 'error' | 'warn'>;
}

type Run = (client: HelplineClient, args: unknown[]) => unknown;

const COMMANDS: Record<string, Run> = {
  open: (c, a) => c.open(a[0] as never),
  close: (c) => c.close(),
  toggle: (c) => c.toggle(),
  identify: (c, a) => c.identify(a[0] as never, a[1] as never),
  update: (c, a) => c.update(a[0] as never),
  logout: (c) => c.logout(),
  search: (c, a) => c.search(a[0] as never),
  article: (c, a) => c.article(a[0] as never),
  suggest: (c, a) => c.suggest(a[0] as never),
  newMessage: (c, a) => c.newMessage(a[0] as never),
  newTicket: (c, a) => c.newTicket(a[0] as never),
  prefill: (c, a) => c.prefill(a[0] as never),
  track: (c, a) => c.track(a[0] as never, a[1] as never),
  'help.register': (c, a) => c.help.register(a[0] as never, a[1] as never),
  'help.unregister': (c, a) => c.help.unregister(a[0] as never),
  on: (c, a) => c.on(a[0] as never, a[1] as never),
  off: (c, a) => c.off(a[0] as never, a[1] as never),
  once: (c, a) => c.once(a[0] as never, a[1] as never),
  shutdown: (c) => c.shutdown(),
};
const KNOWN = ['boot', ...Object.keys(COMMANDS)];

/** Context fields a second `boot` may change (treated as `update`). */
const UPDATABLE = ['user', 'account', 'custom', 'app'] as const;

interface Queued {
  command: string;
  args: unknown[];
  resolve(value: unknown): void;
}

/**
 * Builds the `Helpline(command, ...args)` function. Calls made before `boot` wait and run in order
 * once it happens; after `shutdown` they are refused until the next `boot`.
 */
export function createDispatcher(
  create: (options: unknown) => HelplineClient,
  deps: DispatcherDeps = {},
): HelplineFunction {
  const log = deps.console ?? console;
  let client: HelplineClient | undefined;
  let shutDown = false;
  const waiting: Queued[] = [];

  const settle = (value: unknown): Promise<unknown> =>
    // The client already reported a failure (console + `error` event); the host page must not see it thrown.
    Promise.resolve(value).catch(() => undefined);

  function run(current: HelplineClient, command: string, args: unknown[]): Promise<unknown> {
    if (command === 'boot') {
      log.warn('[Helpline] boot was called again; updating the context of the running widget instead.');
      const options = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as Record<string, unknown>;
      const context = Object.fromEntries(UPDATABLE.filter((key) => key in options).map((key) => [key, options[key]]));
      return settle(current.update(context));
    }
    const handler = COMMANDS[command];
    if (handler === undefined) return Promise.resolve(undefined);
    try {
      const result = handler(current, args);
      if (command === 'shutdown') {
        client = undefined;
        shutDown = true;
      }
      return settle(result);
    } catch (error) {
      log.error(`[Helpline] ${command} failed:`, error);
      return Promise.resolve(undefined);
    }
  }

  function boot(options: unknown): Promise<unknown> {
    try {
      client = create(options);
      shutDown = false;
    } catch {
      // createClient logged which option is wrong; later calls keep waiting for a good boot.
      return Promise.resolve(undefined);
    }
    const booted = client;
    for (const call of waiting.splice(0)) call.resolve(run(booted, call.command, call.args));
    return Promise.resolve(undefined);
  }

  return function Helpline(command: string, ...args: unknown[]): Promise<unknown> {
    if (typeof command !== 'string' || !KNOWN.includes(command)) {
      log.error(`[Helpline] unknown command ${JSON.stringify(command)}; expected one of ${KNOWN.join(', ')}`);
      return Promise.resolve(undefined);
    }
    if (client !== undefined) return run(client, command, args);
    if (command === 'boot') return boot(args[0]);
    if (shutDown) {
      log.error(`[Helpline] ${command}: Helpline was shut down; call boot first.`);
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => waiting.push({ command, args, resolve }));
  };
}
