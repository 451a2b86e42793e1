import type * as z from 'zod/mini';
import { parseWith } from '../validation/parse.js';

export type Report = (error: unknown, command: string) => void;

/**
 * Wraps a command: its positional arguments are named, validated with `schema` (a bad call rejects
 * with a ValidationError `invalid_command` naming the command and the field), then `run`. Every
 * failure is reported once (console + `error` event) and rejects; nothing throws synchronously.
 */
export function command<S extends z.ZodMiniType, R>(
  report: Report,
  name: string,
  argNames: readonly string[],
  schema: S,
  run: (args: z.infer<S>) => Promise<R> | R,
): (...args: unknown[]) => Promise<R> {
  return async (...args: unknown[]) => {
    try {
      const named: Record<string, unknown> = {};
      argNames.forEach((argName, index) => {
        if (args[index] !== undefined) named[argName] = args[index];
      });
      const parsed = parseWith(schema, named, `Invalid arguments to ${name}`, 'invalid_command');
      return await run(parsed);
    } catch (error) {
      report(error, name);
      throw error;
    }
  };
}
