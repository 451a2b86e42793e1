import type { RealtimeEvent } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { connected } from './connected.js';

const weekdays = {
  timezone: 'Europe/Paris',
  days: { '1': [['09:00', '18:00']], '5': [['09:00', '18:00']] },
} satisfies {
  timezone: string;
  days: Record<string, [string, string][]>;
};

describe('availability', () => {
  it('is online around the clock without business hours', async () => {
    const adapter = await connected();
    expect(await adapter.getAvailability()).toMatchObject({
      status: 'online',
      agentsOnline: 1,
      expectedReplyMinutes: 2,
    });
  });

  it('is online inside business hours and says so with the hours', async () => {
    // Monday 30 November 2026 10:00 in Paris (UTC+1).
    const adapter = await connected({ businessHours: weekdays, now: () => new Date('2026-11-30T09:00:00Z') });
    const availability = await adapter.getAvailability();
    expect(availability.status).toBe('online');
    expect(availability.nextOpenAt).toBeUndefined();
    expect(availability.businessHours?.timezone).toBe('Europe/Paris');
  });

  it('is offline outside business hours with the next opening', async () => {
    // Monday 19:00 in Paris: next open Friday 09:00 Paris = 08:00Z.
    const adapter = await connected({ businessHours: weekdays, now: () => new Date('2026-11-30T18:00:00Z') });
    expect(await adapter.getAvailability()).toMatchObject({
      status: 'offline',
      agentsOnline: 0,
      nextOpenAt: '2026-12-04T08:00:00.000Z',
    });
  });

  it('follows an override, announcing it as presence, and can go back to the hours', async () => {
    const adapter = await connected({ availability: 'away' });
    expect((await adapter.getAvailability()).status).toBe('away');
    const presence = new Promise<RealtimeEvent>((resolve) => adapter.subscribe(resolve));
    await adapter.agent.setAvailability('online');
    expect(await presence).toMatchObject({ type: 'presence', availability: { status: 'online' } });
    await adapter.agent.setAvailability(undefined);
    expect((await adapter.getAvailability()).status).toBe('online');
  });
});
