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
      // nextOpenAt means "closed now, open again then".
      if (availability.status === 'online') expect(availability.nextOpenAt).toBeUndefined();
    });
  });
}
