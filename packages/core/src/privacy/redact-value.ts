import { redactText } from './redact-text.js';
import { REDACTED } from './redact-url.js';
import type { RedactionRules } from './rules.js';

const SECRET_KEY =
  /pass(word|wd|phrase)?|pwd|secret|token|api[-_]?key|authorization|^auth$|cvv|cvc|card[-_]?number|^pan$|ssn|private[-_]?key|session/i;

/** Deep copy with every string run through redactText and secret-looking keys masked. Cycles are cut. */
export function redactValue<T>(value: T, rules: RedactionRules): T {
  const seen = new WeakSet<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, rules);
    if (typeof v !== 'object' || v === null) return v;
    if (seen.has(v)) return '[circular]';
    seen.add(v);
    if (Array.isArray(v)) return v.map(walk);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) {
      out[key] = SECRET_KEY.test(key) && inner !== undefined && inner !== null ? REDACTED : walk(inner);
    }
    return out;
  };
  return walk(value) as T;
}
