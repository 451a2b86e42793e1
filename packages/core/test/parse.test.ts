import { HelplineOptions, isValidationError, parseWith, Ticket } from '@helpline/core';
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
