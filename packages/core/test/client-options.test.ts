import { createClient, isValidationError, parseOptions } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { createTestBackend, recordingConsole } from './client-test-adapter.js';

describe('parseOptions', () => {
  it('fills the documented defaults and warns about nothing for a clean config', () => {
    const result = parseOptions({ adapter: createTestBackend() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.options.features).toEqual({ kb: true, chat: true, tickets: true, answers: true, endChat: true });
    expect(result.options.privacy.noStorageBeforeInteraction).toBe(true);
  });

  it('names the bad field when an option has the wrong type', () => {
    const result = parseOptions({ adapter: createTestBackend(), appearance: { zIndex: 'high' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_option');
    expect(result.error.field).toBe('appearance.zIndex');
    expect(result.error.message).toContain('appearance.zIndex: expected number');
  });

  it('says a whole number is needed where a fraction came, and names the field', () => {
    const result = parseOptions({ adapter: createTestBackend(), appearance: { zIndex: 10.5 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('appearance.zIndex');
    expect(result.error.message).toContain('appearance.zIndex: must be a whole number');
  });

  it('checks business hours as [open, close] pairs', () => {
    const hours = (days: unknown) =>
      parseOptions({ adapter: createTestBackend(), businessHours: { timezone: 'Europe/Berlin', days } });
    expect(hours({ 1: [['09:00', '17:00']] }).ok).toBe(true);
    const short = hours({ 1: [['09:00']] });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.message).toContain('businessHours.days.1.0: must be at least 2 items');
    const long = hours({ 1: [['09:00', '12:00', '17:00']] });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.message).toContain('must be at most 2 items');
  });

  it('refuses a config without an adapter', () => {
    const result = parseOptions({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('adapter');
  });

  it('warns about unknown keys, nested ones too, naming each', () => {
    const result = parseOptions({
      adapter: createTestBackend(),
      apperance: {},
      privacy: { breadcrumbs: { consol: false } },
      features: { chta: false },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings.join('\n')).toContain('"apperance"');
    expect(result.warnings.join('\n')).toContain('"privacy.breadcrumbs.consol"');
    expect(result.warnings.join('\n')).toContain('"features.chta"');
  });

  it('does not look inside the adapter or custom fields for unknown keys', () => {
    const result = parseOptions({ adapter: createTestBackend(), custom: { anything: 1 } });
    expect(result.ok && result.warnings).toEqual([]);
  });
});

describe('createClient options', () => {
  it('logs the bad option once and throws a ValidationError', () => {
    const logs = recordingConsole();
    let thrown: unknown;
    try {
      createClient(
        { adapter: createTestBackend(), appearance: { position: 'top' } as never },
        { console: logs, channel: () => null, locks: null },
      );
    } catch (error) {
      thrown = error;
    }
    expect(isValidationError(thrown)).toBe(true);
    expect(logs.errors).toHaveLength(1);
    expect(logs.errors[0]).toContain('appearance.position');
  });

  it('prints unknown-key warnings to the console', () => {
    const logs = recordingConsole();
    const client = createClient({ adapter: createTestBackend(), locle: 'de' } as never, {
      console: logs,
      channel: () => null,
      locks: null,
    });
    expect(logs.warnings.join()).toContain('"locle"');
    void client.shutdown();
  });
});
