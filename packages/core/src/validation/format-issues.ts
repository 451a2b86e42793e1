import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export function issuePath(issue: Issue): string {
  return issue.path.map(String).join('.');
}

/**
 * zod/mini ships no message locale (it would cost bytes in the widget), so messages are written here
 * from the issue codes: each names the field, what was expected and what came.
 */
export function formatIssue(issue: Issue): string {
  const where = issuePath(issue) || '(root)';
  const got = 'input' in issue ? describeValue(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: expected ${issue.expected}, got ${got ?? 'something else'}`;
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${got}`;
    case 'too_small':
      return `${where}: must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `${where}: must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_format':
      // A schema's own words say it best ("lowercase letters, digits and dashes"); zod's fallback is "Invalid input".
      if (issue.message && issue.message !== 'Invalid input') return `${where}: ${issue.message}`;
      return issue.format === 'regex'
        ? `${where}: must match ${issue.pattern}`
        : `${where}: not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `${where}: does not match any allowed shape`;
    default:
      return `${where}: ${issue.message || 'invalid'}`;
  }
}
