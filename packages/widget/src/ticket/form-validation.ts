import type { Category, FormField } from '@helpline/core';
import * as z from 'zod/mini';
import type { Translate } from '../i18n/use-t.js';

export type FieldValues = Record<string, string | boolean>;

/** The custom fields that apply to a category. */
export const visibleFields = (fields: FormField[], category: Category): FormField[] =>
  fields.filter((field) => !field.categories || field.categories.includes(category));

function fieldSchema(field: FormField, t: Translate) {
  const required = t('ticket.errorRequired', { field: field.label });
  const invalid = t('ticket.errorInvalid', { field: field.label });
  if (field.type === 'checkbox') return field.required ? z.literal(true, required) : z.optional(z.boolean());
  const checks: z.core.$ZodCheck<string>[] = [];
  if (field.maxLength !== undefined) checks.push(z.maxLength(field.maxLength, invalid));
  if (field.type === 'email') checks.push(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, invalid));
  if (field.type === 'url') checks.push(z.regex(/^https?:\/\/\S+$/, invalid));
  if (field.type === 'number')
    checks.push(
      z.refine((value: string) => {
        const number = Number(value);
        return (
          Number.isFinite(number) &&
          (field.min === undefined || number >= field.min) &&
          (field.max === undefined || number <= field.max)
        );
      }, invalid),
    );
  if (field.type === 'select' && field.options)
    checks.push(z.refine((value: string) => field.options?.some((option) => option.value === value) ?? true, invalid));
  const filled = z.string().check(z.minLength(1, required), ...checks);
  return field.required ? filled : z.optional(z.union([z.literal(''), filled]));
}

/**
 * Validates the form's values; returns the error message per field id (subject, description and custom
 * fields), in the order the fields appear.
 */
export function validateTicket(
  input: { subject: string; fields: FieldValues },
  fields: FormField[],
  t: Translate,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.subject.trim().length < 3) errors.subject = t('ticket.errorSubject');
  for (const field of fields) {
    const value = input.fields[field.id];
    const result = fieldSchema(field, t).safeParse(value === undefined && field.type !== 'checkbox' ? '' : value);
    if (!result.success)
      errors[field.id] = result.error.issues[0]?.message ?? t('ticket.errorInvalid', { field: field.label });
  }
  return errors;
}

/** Form values as the custom fields the backend expects: numbers as numbers, empty values left out. */
export function toCustomFields(values: FieldValues, fields: FormField[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const field of fields) {
    const value = values[field.id];
    if (value === undefined || value === '') continue;
    out[field.id] = field.type === 'number' && typeof value === 'string' ? Number(value) : value;
  }
  return out;
}
