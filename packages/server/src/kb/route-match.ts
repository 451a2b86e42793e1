/** Only the path: no query, no hash, no trailing slash (except the root). */
export function normalisePath(path: string): string {
  const bare = path.split(/[?#]/)[0] ?? '';
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare || '/';
}

const segmentsOf = (path: string): string[] => normalisePath(path).split('/').slice(1).filter(Boolean);

/**
 * Route patterns from article front-matter: literal segments, `:name` for one segment, `*` for one
 * or more segments (`/invoices/*` matches `/invoices/42` and `/invoices/42/edit`, not `/invoices`).
 * Matched segment by segment, tracking every path position the pattern so far can reach: time grows
 * with pattern × path length, whatever the visitor sends (a regex with several `*` backtracked
 * polynomially on long paths and stalled the server).
 */
export function matchesRoute(pattern: string, path: string): boolean {
  const wanted = segmentsOf(pattern);
  const parts = segmentsOf(path);
  // reach[j]: the pattern's segments so far can consume exactly the path's first j segments.
  let reach = parts.map(() => false).concat(false);
  reach[0] = true;
  for (const segment of wanted) {
    const next = reach.map(() => false);
    if (segment === '*') {
      const first = reach.indexOf(true);
      if (first === -1) return false;
      for (let j = first + 1; j <= parts.length; j++) next[j] = true;
    } else {
      for (let j = 0; j < parts.length; j++)
        if (reach[j] && (segment.startsWith(':') || segment === parts[j])) next[j + 1] = true;
    }
    reach = next;
  }
  return reach[parts.length] === true;
}

/** How specific a pattern is: literal segments count most, so `/invoices/new` beats `/invoices/*`. */
export function routeSpecificity(pattern: string): number {
  return normalisePath(pattern)
    .split('/')
    .slice(1)
    .reduce((score, segment) => score + (segment === '*' ? 1 : segment.startsWith(':') ? 2 : 3), 0);
}
