const escapeRegex = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Only the path: no query, no hash, no trailing slash (except the root). */
export function normalisePath(path: string): string {
  const bare = path.split(/[?#]/)[0] ?? '';
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare || '/';
}

/**
 * Route patterns from article front-matter: literal segments, `:name` for one segment, `*` for one
 * or more segments (`/invoices/*` matches `/invoices/42` and `/invoices/42/edit`, not `/invoices`).
 */
export function routePatternToRegExp(pattern: string): RegExp {
  const segments = normalisePath(pattern).split('/').slice(1);
  const body = segments
    .map((segment) => {
      if (segment === '*') return '/[^/]+(?:/[^/]+)*';
      if (segment.startsWith(':')) return '/[^/]+';
      return `/${escapeRegex(segment)}`;
    })
    .join('');
  return new RegExp(`^${body || '/'}$`);
}

export function matchesRoute(pattern: string, path: string): boolean {
  return routePatternToRegExp(pattern).test(normalisePath(path));
}

/** How specific a pattern is: literal segments count most, so `/invoices/new` beats `/invoices/*`. */
export function routeSpecificity(pattern: string): number {
  return normalisePath(pattern)
    .split('/')
    .slice(1)
    .reduce((score, segment) => score + (segment === '*' ? 1 : segment.startsWith(':') ? 2 : 3), 0);
}
