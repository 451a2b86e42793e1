import { ValidationError } from '../errors/validation-error.js';
import type { CustomFields } from '../schemas/common.js';
import { EMAIL_PATTERN } from '../schemas/contact.js';
import type { Category, FormField, TicketForm } from '../schemas/ticket.js';

/** A custom field left blank: no value, an empty one, or an unticked checkbox. */
export const isBlankField = (field: FormField, value: CustomFields[string] | undefined): boolean =>
  value === undefined || value === null || value === '' || (field.type === 'checkbox' && value === false);

/**
 * What is wrong with one custom field's value, in English for API callers, or undefined when it is
 * fine. The widget shows its own translated message, so both check by the same rules.
 */
export function customFieldProblem(field: FormField, value: CustomFields[string] | undefined): string | undefined {
  if (isBlankField(field, value)) return field.required ? 'is required' : undefined;
  switch (field.type) {
    case 'number': {
      const number =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : Number.NaN;
      if (!Number.isFinite(number)) return 'must be a number';
      if (field.min !== undefined && number < field.min) return `must be at least ${field.min}`;
      if (field.max !== undefined && number > field.max) return `must be at most ${field.max}`;
      return undefined;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'email':
      return typeof value === 'string' && EMAIL_PATTERN.test(value) ? undefined : 'must be an email address';
    case 'url':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? undefined : 'must be an http(s) URL';
    case 'select':
      return field.options?.some((option) => option.value === value)
        ? undefined
        : `must be one of ${(field.options ?? []).map((o) => JSON.stringify(o.value)).join(' | ')}`;
    default:
      if (typeof value !== 'string') return 'must be text';
      return field.maxLength !== undefined && value.length > field.maxLength
        ? `must be at most ${field.maxLength} characters`
        : undefined;
  }
}

/** Checks custom fields against the backend's form: required ones present, each of its type. */
export function validateTicketFields(form: TicketForm, category: Category, fields: CustomFields): void {
  const issues: string[] = [];
  let first: string | undefined;
  for (const field of form.fields) {
    if (field.categories !== undefined && !field.categories.includes(category)) continue;
    const message = customFieldProblem(field, fields[field.id]);
    if (message === undefined) continue;
    issues.push(`fields.${field.id} (${field.label}): ${message}`);
    first ??= `fields.${field.id}`;
  }
  if (!form.categories.includes(category)) {
    issues.push(`category: "${category}" is not offered by this help desk`);
    first ??= 'category';
  }
  if (issues.length > 0) throw new ValidationError('invalid_input', `Ticket: ${issues.join('; ')}`, issues, first);
}
