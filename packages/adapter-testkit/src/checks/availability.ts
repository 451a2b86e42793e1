import { Availability } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { expectNotPretending, method, useFixture } from './helpers.js';

export function availabilityChecks(suite: ConformanceSuite): void {
  describe('availability', () => {
    const fixture = useFixture(suite);

    it('reports a well-formed availability — or, undeclared, has no getAvailability()', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.availability) return expectNotPretending(adapter, ['getAvailability']);
      const availability = await method(adapter, 'getAvailability')();
      expect(Availability.safeParse(availability).success).toBe(true);
      if (availability.status === 'online') expect(availability.nextOpenAt).toBeUndefined();
      if (availability.nextOpenAt) expect(Date.parse(availability.nextOpenAt)).toBeGreaterThan(Date.now() - 60_000);
    });
  });
}
