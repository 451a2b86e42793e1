import type { ContextSnapshot } from '../schemas/context.js';
import { redactUrl } from './redact-url.js';
import { redactValue } from './redact-value.js';
import type { RedactionRules } from './rules.js';

/**
 * Redacts a whole snapshot. The user's own name and email are kept (the host passed them on purpose);
 * everything captured from the page goes through the rules.
 */
export function redactSnapshot(snapshot: ContextSnapshot, rules: RedactionRules): ContextSnapshot {
  const { user, account, capturedAt, ...captured } = snapshot;
  const redacted = redactValue(captured, rules);
  return {
    ...redacted,
    capturedAt,
    page: {
      ...redacted.page,
      url: redactUrl(redacted.page.url, rules),
      ...(redacted.page.referrer === undefined ? {} : { referrer: redactUrl(redacted.page.referrer, rules) }),
    },
    ...(user ? { user: { ...user, ...(user.custom ? { custom: redactValue(user.custom, rules) } : {}) } } : {}),
    ...(account
      ? { account: { ...account, ...(account.custom ? { custom: redactValue(account.custom, rules) } : {}) } }
      : {}),
  };
}
