import { isLuhnValid } from './luhn.js';
import { REDACTED, redactUrl } from './redact-url.js';
import type { RedactionRules } from './rules.js';

// Card numbers start with 2–6 (the networks' prefixes): a 13-digit timestamp or an order number
// starting with 1, 7, 8, 9 or 0 is not one, even when it passes the Luhn check (one in ten does).
const CARD = /\b[2-6](?:[ -]?\d){12,18}\b/g;
// Quantifiers are bounded so long runs of text cannot make the scan quadratic.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24}/g;
// The value must look made by a machine (a digit, or a lower-case letter before a capital), so prose such as
// "basic plan" or "Token expired" is not a credential.
const BEARER = /\b([Bb]earer|[Bb]asic|[Tt]oken)\s+(?=[\w.~+/-]*(?:\d|[a-z][A-Z]))[\w.~+/-]{8,}=*/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const URLISH = /(?:[a-z][a-z0-9+.-]{0,30}:\/\/|\/)[^\s"'<>`?#]{0,2048}[?#][^\s"'<>`]*/gi;

/** Masks card numbers, bearer tokens, JWTs, credential url params, custom patterns and (optionally) emails. */
export function redactText(text: string, rules: RedactionRules): string {
  let out = text.replace(URLISH, (url) => redactUrl(url, rules));
  out = out.replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`);
  out = out.replace(JWT, REDACTED);
  out = out.replace(CARD, (run) => (isLuhnValid(run.replace(/\D/g, '')) ? '[card]' : run));
  if (rules.emails) out = out.replace(EMAIL, '[email]');
  for (const pattern of rules.patterns) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, REDACTED);
  }
  return out;
}
