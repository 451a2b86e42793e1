import type { Privacy } from '../options/schema.js';

export interface RedactionRules {
  params: readonly string[];
  patterns: readonly RegExp[];
  emails: boolean;
}

/** Query-parameter names that carry credentials; matched case-insensitively and as substrings. */
export const BUILT_IN_PARAMS = [
  'token',
  'access_token',
  'id_token',
  'refresh_token',
  'auth',
  'password',
  'pass',
  'pwd',
  'secret',
  'client_secret',
  'key',
  'api_key',
  'apikey',
  'code',
  'otp',
  'session',
  'sig',
  'signature',
  'jwt',
] as const;

export function redactionRules(privacy: Privacy): RedactionRules {
  const patterns: RegExp[] = [];
  for (const source of privacy.redactPatterns) {
    try {
      patterns.push(new RegExp(source, 'g'));
    } catch {
      console.warn(`[Helpline] privacy.redactPatterns: "${source}" is not a valid regular expression; skipped`);
    }
  }
  const params = [...BUILT_IN_PARAMS, ...privacy.redactParams.map((p) => p.toLowerCase())];
  return { params, patterns, emails: privacy.redactEmails };
}

export function isSensitiveParam(name: string, rules: RedactionRules): boolean {
  const lower = name.toLowerCase();
  return rules.params.some((p) => lower.includes(p));
}
