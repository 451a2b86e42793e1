import type { Category, CustomFields, FormField } from '@helpline/core';
import { ApiError } from '../http/api-error.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(field: FormField, issue: string): never {
  throw new ApiError(400, 'invalid_input', `fields.${field.id}: ${issue}`, `fields.${field.id}`);
}

function checkValue(field: FormField, value: unknown): void {
  switch (field.type) {
    case 'select':
      if (typeof value !== 'string' || !field.options?.some((option) => option.value === value)) {
        invalid(
          field,
          `expected one of ${(field.options ?? []).map((option) => JSON.stringify(option.value)).join(' | ')}`,
        );
      }
      return;
    case 'checkbox':
      if (typeof value !== 'boolean') invalid(field, 'expected true or false');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) invalid(field, 'expected a number');
      if (field.min !== undefined && value < field.min) invalid(field, `must be at least ${field.min}`);
      if (field.max !== undefined && value > field.max) invalid(field, `must be at most ${field.max}`);
      return;
    default:
      if (typeof value !== 'string') invalid(field, 'expected text');
      if (field.maxLength !== undefined && value.length > field.maxLength)
        invalid(field, `must be at most ${field.maxLength} characters`);
      if (field.type === 'email' && !EMAIL.test(value)) invalid(field, 'not a valid email address');
      if (field.type === 'url' && !/^https?:\/\/\S+$/.test(value)) invalid(field, 'not a valid http(s) URL');
  }
}

/**
 * Custom fields against the workspace's form: unknown ids are refused, required fields that apply
 * to the category must be present, values must fit their type. Returns only the applicable fields.
 */
export function validateTicketFields(
  form: readonly FormField[],
  category: Category,
  values: CustomFields,
): CustomFields {
  for (const id of Object.keys(values)) {
    if (!form.some((field) => field.id === id))
      throw new ApiError(400, 'invalid_input', `fields.${id}: unknown field`, `fields.${id}`);
  }
  const result: CustomFields = {};
  for (const field of form) {
    if (field.categories && !field.categories.includes(category)) continue;
    const value = values[field.id];
    const empty = value === undefined || value === null || value === '';
    if (empty) {
      if (field.required) invalid(field, 'required');
      continue;
    }
    checkValue(field, value);
    result[field.id] = value;
  }
  return result;
}
