import type * as z from 'zod/mini';
import type { ValidationError } from '../errors/validation-error.js';
import { isValidationError } from '../errors/validation-error.js';
import { parseWith } from '../validation/parse.js';
import { HelplineOptions } from './schema.js';

export type ParseOptionsResult =
  | { ok: true; options: HelplineOptions; warnings: string[] }
  | { ok: false; error: ValidationError };

interface SchemaDef {
  type: string;
  innerType?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  /** Set on objects that take keys of their own (custom fields): none of them is unknown. */
  catchall?: z.ZodMiniType;
}

const defOf = (schema: z.ZodMiniType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Sees through default/optional/nullable wrappers to the schema that describes the value. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (let def = defOf(current); def.innerType !== undefined; def = defOf(current)) current = def.innerType;
  return current;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/**
 * z.object strips unknown keys silently, so a misspelt option (`apperance`) would just be ignored;
 * walk the input beside the schema and name every key the schema does not know, nested ones too.
 */
function unknownKeys(schema: z.ZodMiniType, value: unknown, path: string): string[] {
  const def = defOf(unwrap(schema));
  if (def.type !== 'object' || def.shape === undefined || def.catchall !== undefined || !isPlainObject(value))
    return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const where = path ? `${path}.${key}` : key;
    const childSchema = def.shape[key];
    if (childSchema === undefined) found.push(where);
    else found.push(...unknownKeys(childSchema, child, where));
  }
  return found;
}

/** Validates host options: the result carries either the options with defaults or an error naming the field. */
export function parseOptions(input: unknown): ParseOptionsResult {
  try {
    const options = parseWith(HelplineOptions, input, 'Helpline options', 'invalid_option');
    const warnings = unknownKeys(HelplineOptions, input, '').map(
      (key) => `Helpline options: unknown key "${key}" is ignored (check its spelling)`,
    );
    return { ok: true, options, warnings };
  } catch (error) {
    if (isValidationError(error)) return { ok: false, error };
    throw error;
  }
}
