import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * A union's issue stands for the branch that got furthest into the value ("view.articleId: expected
 * string" rather than "view" matching nothing), when one got past the value itself.
 */
export function deepestIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  let deepest: Issue | undefined;
  for (const [first] of issue.errors) if (first && first.path.length > (deepest?.path.length ?? 0)) deepest = first;
  return deepest ? deepestIssue({ ...deepest, path: [...issue.path, ...deepest.path] }) : issue;
}

const expectedOf = (issue: Issue) =>
  issue.code === 'invalid_value'
    ? `${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`
    : (issue as { expected?: string }).expected;

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
    case 'invalid_value':
      return `${where}: expected ${expectedOf(issue)}, got ${got ?? 'something else'}`;
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
      // No branch got past the value itself (see deepestIssue): each says what it takes.
      return `${where}: expected ${issue.errors.map((branch) => branch[0] && expectedOf(branch[0])).join(' or ')}, got ${got}`;
    default:
      return `${where}: ${issue.message || 'invalid'}`;
  }
}
