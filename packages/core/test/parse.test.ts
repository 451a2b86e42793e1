import {
  BusinessHours,
  CustomFields,
  HelplineOptions,
  isValidationError,
  parseWith,
  Ticket,
  TicketForm,
} from '@helpline/core';
import { describe, expect, it } from 'vitest';

describe('parseWith', () => {
  it('names the field and the expected values when an option is wrong', () => {
    const adapter = { name: 'x', capabilities: {}, connect: async () => ({ visitorId: 'v', verified: false }) };
    try {
      parseWith(HelplineOptions, { adapter, appearance: { position: 'top' } }, 'Helpline options', 'invalid_option');
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toContain('appearance.position: expected one of "left" | "right", got "top"');
      expect((error as { field?: string }).field).toBe('appearance.position');
    }
  });

  it('says what a patterned option should look like', () => {
    const adapter = { name: 'x', capabilities: {}, connect: async () => ({ visitorId: 'v', verified: false }) };
    expect(() =>
      parseWith(HelplineOptions, { adapter, appearance: { brandColor: 'red; }' } }, 'Helpline options'),
    ).toThrow('appearance.brandColor: must be a CSS colour such as #4f46e5');
    expect(() => parseWith(HelplineOptions, { adapter, locale: 'english' }, 'Helpline options')).toThrow(
      'locale: must be a language tag such as en or pt-BR',
    );
  });

  it('fills documented defaults', () => {
    const adapter = { name: 'x', capabilities: {}, connect: async () => ({ visitorId: 'v', verified: false }) };
    const options = parseWith(HelplineOptions, { adapter }, 'Helpline options');
    expect(options.appearance.zIndex).toBe(2147483000);
    expect(options.privacy.noStorageBeforeInteraction).toBe(true);
  });

  it('rejects a ticket with an unknown severity', () => {
    expect(() =>
      parseWith(
        Ticket,
        {
          id: '1',
          subject: 's',
          severity: 'P9',
          category: 'bug',
          status: 'new',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
        'ticket',
      ),
    ).toThrow(/severity: expected one of "P0"/);
  });
});

// Shapes written without z.record (its code would land in every first open) keep its checks.
describe('schemas without records', () => {
  const fail = (schema: Parameters<typeof parseWith>[0], value: unknown) => {
    try {
      parseWith(schema, value, 'input');
    } catch (error) {
      return (error as Error).message;
    }
    return expect.unreachable();
  };

  it('custom fields take JSON-safe values under names of 1–100 characters', () => {
    expect(parseWith(CustomFields, { plan: 'pro', seats: 3, trial: false, note: null }, 'custom')).toEqual({
      plan: 'pro',
      seats: 3,
      trial: false,
      note: null,
    });
    expect(fail(CustomFields, { nested: { deep: 1 } })).toContain(
      'nested: expected string or number or boolean or null, got an object',
    );
    expect(fail(CustomFields, { ['x'.repeat(101)]: 1 })).toContain('field names must be 1–100 characters');
    expect(fail(CustomFields, { '': 1 })).toContain('field names must be 1–100 characters');
    expect(fail(CustomFields, ['a'])).toContain('expected object');
  });

  it('business hours are keyed by weekday "0"–"6", and another key is refused by name', () => {
    const hours = parseWith(BusinessHours, { timezone: 'UTC', days: { 1: [['09:00', '17:00']] } }, 'hours');
    expect(hours.days['1']).toEqual([['09:00', '17:00']]);
    expect(fail(BusinessHours, { timezone: 'UTC', days: { mon: [['09:00', '17:00']] } })).toContain(
      'days are keyed "0" (Sunday) to "6" (Saturday)',
    );
    expect(fail(BusinessHours, { timezone: 'UTC', days: { 1: [['9am', '5pm']] } })).toContain('days.1');
  });

  it('a ticket form that gives first-response targets gives one for every severity', () => {
    const targets = { P0: 15, P1: 60, P2: 240, P3: 1440 };
    expect(parseWith(TicketForm, { firstResponseMinutes: targets }, 'form').firstResponseMinutes).toEqual(targets);
    expect(fail(TicketForm, { firstResponseMinutes: { P0: 15 } })).toContain('firstResponseMinutes.P1');
  });
});
