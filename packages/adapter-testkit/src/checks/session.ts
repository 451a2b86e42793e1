import { Capabilities, Session } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { expectTypedError, rejection, visitor } from './helpers.js';

export function sessionChecks(suite: ConformanceSuite): void {
  describe('session', () => {
    it('declares a name and well-formed capabilities', async () => {
      const { adapter, cleanup } = await suite.setup();
      expect(adapter.name.length).toBeGreaterThan(0);
      expect(Capabilities.safeParse(adapter.capabilities).success).toBe(true);
      await cleanup?.();
    });

    it('connect returns a Session for the visitor', async () => {
      const { adapter, cleanup } = await suite.setup();
      const identity = visitor();
      const session = await adapter.connect(identity);
      expect(Session.safeParse(session).success).toBe(true);
      expect(session.visitorId).toBe(identity.visitorId);
      await adapter.disconnect?.();
      await cleanup?.();
    });

    it('connect refuses an identity without a visitor id as invalid input', async () => {
      const { adapter, cleanup } = await suite.setup();
      expectTypedError(await rejection(adapter.connect({ visitorId: '' })), 'invalid_input', 'visitorId');
      await cleanup?.();
    });
  });
}
