import { isSensitiveParam, type RedactionRules } from './rules.js';

export const REDACTED = '[redacted]';

function redactQuery(query: string, rules: RedactionRules): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // malformed escapes: judge the raw name
      }
      return eq !== -1 && isSensitiveParam(name, rules) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
}

/**
 * Masks credential query parameters (in the query and in a `#a=b` fragment) and drops `user:pass@`.
 * Works on relative and malformed urls by editing the string rather than requiring `new URL` to parse it.
 */
export function redactUrl(url: string, rules: RedactionRules): string {
  let rest = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
  let hash = '';
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    hash = rest.slice(hashAt + 1);
    rest = rest.slice(0, hashAt);
    // SPA fragments like #/path?x=1 or OAuth #access_token=…
    const q = hash.indexOf('?');
    if (q !== -1) hash = `${hash.slice(0, q + 1)}${redactQuery(hash.slice(q + 1), rules)}`;
    else if (hash.includes('=')) hash = redactQuery(hash, rules);
    hash = `#${hash}`;
  }
  const queryAt = rest.indexOf('?');
  if (queryAt !== -1) rest = `${rest.slice(0, queryAt + 1)}${redactQuery(rest.slice(queryAt + 1), rules)}`;
  return rest + hash;
}
