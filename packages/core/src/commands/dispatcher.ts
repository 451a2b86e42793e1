import { HOST_COMMANDS } from '../client/command-names.js';
import type { HelplineClient } from '../client/types.js';

/** The script-tag spelling: `Helpline('open', 'chat')`. Never throws; resolves to undefined on errors. */
export type HelplineFunction = (command: string, ...args: unknown[]) => Promise<unknown>;

export interface DispatcherDeps {
  console?: Pick<Console, 'error' | 'warn'>;
}

/** Commands by their client method: `help.register` is `client.help.register`. */
const COMMANDS = [...HOST_COMMANDS, 'help.register', 'help.unregister', 'on', 'off', 'once', 'shutdown'] as const;
type Command = (typeof COMMANDS)[number];
const KNOWN: readonly string[] = ['boot', ...COMMANDS];

/** Calls the client's method for a command on its owner (`client.help` for `help.register`). */
function call(client: HelplineClient, command: Command, args: unknown[]): unknown {
  const path = command.split('.');
  const name = path.pop() as string;
  const owner = path.reduce<Record<string, unknown>>(
    (object, key) => object[key] as Record<string, unknown>,
    client as unknown as Record<string, unknown>,
  );
  return (owner[name] as (...values: unknown[]) => unknown).apply(owner, args);
}

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
    try {
      const result = call(current, command as Command, args);
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
