import { describe } from 'vitest';
import type { ConformanceSuite } from './agent-driver.js';
import { attachmentChecks } from './checks/attachments.js';
import { availabilityChecks } from './checks/availability.js';
import { chatChecks } from './checks/chat.js';
import { contactChecks } from './checks/contact.js';
import { errorChecks } from './checks/errors.js';
import { kbChecks } from './checks/kb.js';
import { realtimeChecks } from './checks/realtime.js';
import { sessionChecks } from './checks/session.js';
import { ticketChecks } from './checks/tickets.js';

/**
 * Declares the conformance tests for one adapter; call it at the top level of a vitest test file.
 * Every capability gets its checks: a declared one must work, an undeclared one must not pretend.
 */
export function runAdapterConformance(suite: ConformanceSuite): void {
  describe(`${suite.name} adapter conformance`, () => {
    sessionChecks(suite);
    kbChecks(suite);
    chatChecks(suite);
    realtimeChecks(suite);
    ticketChecks(suite);
    contactChecks(suite);
    attachmentChecks(suite);
    availabilityChecks(suite);
    errorChecks(suite);
  });
}
