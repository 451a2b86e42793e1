import type * as z from 'zod/mini';
import { parseWith } from '../validation/parse.js';

export type Report = (error: unknown, command: string) => void;

/**
 * Wraps a command: its positional arguments are named, validated with the schema `schema()` builds
 * (a bad call rejects with a ValidationError `invalid_command` naming the command and the field), then
 * `run`. Every failure is reported once (console + `error` event) and rejects; nothing throws
 * synchronously. The schema is built on the first call: building zod schemas is most of what
 * evaluating the widget costs, and a page calls few of its commands.
 */
export function command<S extends z.ZodMiniType, R>(
  report: Report,
  name: string,
  argNames: readonly string[],
  schema: () => S,
  run: (args: z.infer<S>) => Promise<R> | R,
): (...args: unknown[]) => Promise<R> {
  let built: S | undefined;
  return async (...args: unknown[]) => {
    try {
      const named: Record<string, unknown> = {};
      argNames.forEach((argName, index) => {
        if (args[index] !== undefined) named[argName] = args[index];
      });
      const parsed = parseWith((built ??= schema()), named, `Invalid arguments to ${name}`, 'invalid_command');
      return await run(parsed);
    } catch (error) {
      report(error, name);
      throw error;
    }
  };
}
