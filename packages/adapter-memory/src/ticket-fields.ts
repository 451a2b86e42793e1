import {
  type Category,
  type CustomFields,
  type FieldValue,
  type FormField,
  type TicketForm,
  ValidationError,
} from '@helpline/core';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function problem(field: FormField, value: FieldValue): string | undefined {
  switch (field.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (field.min !== undefined && value < field.min) return `must be at least ${field.min}`;
      if (field.max !== undefined && value > field.max) return `must be at most ${field.max}`;
      return undefined;
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'select':
      return typeof value === 'string' && field.options?.some((option) => option.value === value)
        ? undefined
        : `expected one of ${(field.options ?? []).map((o) => JSON.stringify(o.value)).join(' | ')}`;
    default:
      if (typeof value !== 'string') return 'expected text';
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return `must be at most ${field.maxLength} characters`;
      if (field.type === 'email' && !EMAIL.test(value)) return 'not a valid email address';
      if (field.type === 'url' && !/^https?:\/\/\S+$/.test(value)) return 'not a valid http(s) URL';
      return undefined;
  }
}

const isEmpty = (value: FieldValue | undefined) =>
  value === undefined || value === null || value === '' || value === false;

/**
 * Checks custom field values against the form as the backend would: unknown ids, wrong types and
 * missing required fields (required only for the categories a field is shown for) are refused.
 */
export function validateTicketFields(form: TicketForm, category: Category, fields: CustomFields): void {
  const issues: { field: string; issue: string }[] = [];
  const known = new Map(form.fields.map((field) => [field.id, field]));
  for (const [id, value] of Object.entries(fields)) {
    const field = known.get(id);
    if (!field) issues.push({ field: `fields.${id}`, issue: 'unknown field' });
    else if (!isEmpty(value)) {
      const wrong = problem(field, value);
      if (wrong) issues.push({ field: `fields.${id}`, issue: wrong });
    }
  }
  for (const field of form.fields) {
    const shown = !field.categories || field.categories.includes(category);
    if (field.required && shown && isEmpty(fields[field.id]))
      issues.push({ field: `fields.${field.id}`, issue: `${field.label} is required` });
  }
  const first = issues[0];
  if (first) {
    const lines = issues.map(({ field, issue }) => `${field}: ${issue}`);
    throw new ValidationError('invalid_input', `Ticket: ${lines.join('; ')}`, lines, first.field);
  }
}
