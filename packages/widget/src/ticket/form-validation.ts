import { type Category, customFieldProblem, type FormField, isBlankField } from '@helpline/core';
import type { Translate } from '../i18n/use-t.js';

export type FieldValues = Record<string, string | boolean>;

/** The custom fields that apply to a category. */
export const visibleFields = (fields: FormField[], category: Category): FormField[] =>
  fields.filter((field) => !field.categories || field.categories.includes(category));

/**
 * Validates the form's values by core's rules; returns the translated error message per field id
 * (subject, description and custom fields), in the order the fields appear.
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
    // Core's rules, the ones a ticket is checked by when it is sent; the message is the widget's own.
    if (customFieldProblem(field, value) === undefined) continue;
    const message = isBlankField(field, value) ? 'ticket.errorRequired' : 'ticket.errorInvalid';
    errors[field.id] = t(message, { field: field.label });
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
