import { describe, expect, it } from 'vitest';
import type { AgentFault, ConformanceSuite } from '../agent-driver.js';
import { expectTypedError, rejection, useFixture } from './helpers.js';

const CASES: { kind: AgentFault; code: string; retryable: boolean }[] = [
  { kind: 'malformed', code: 'invalid_response', retryable: false },
  { kind: 401, code: 'unauthorized', retryable: false },
  { kind: 429, code: 'rate_limited', retryable: true },
  { kind: 500, code: 'server', retryable: true },
  { kind: 'network', code: 'network', retryable: true },
];

export function errorChecks(suite: ConformanceSuite): void {
  describe('errors', () => {
    const fixture = useFixture(suite);

    for (const { kind, code, retryable } of CASES) {
      it(`maps a ${kind === 'malformed' ? 'malformed response' : kind === 'network' ? 'network failure' : `HTTP ${kind}`} to ${code}${retryable ? ', retryable' : ''}`, async () => {
        const { adapter, agent, identity } = fixture();
        if (!agent.failNext)
          throw new Error(`the AgentDriver for ${adapter.name} has no failNext(), so error mapping cannot be checked`);
        await agent.failNext(kind);
        const error = await rejection(adapter.connect(identity));
        expectTypedError(error, code);
        expect((error as { retryable: boolean }).retryable).toBe(retryable);
        // The fault applies to one call only.
        await expect(adapter.connect(identity)).resolves.toMatchObject({ visitorId: identity.visitorId });
      });
    }
  });
}
