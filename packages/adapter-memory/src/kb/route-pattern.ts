function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `path` matches a route pattern as hosts write them in `help.register` and article
 * `routes`: `:id` and `*` match one segment, `**` any number, a trailing slash is optional;
 * the query string and hash of `path` are ignored.
 */
export function matchRoute(pattern: string, path: string): boolean {
  const clean = (path.split(/[?#]/)[0] ?? '').replace(/\/+$/, '') || '/';
  const source = escapeRegExp(pattern.replace(/\/+$/, '') || '/')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/:[A-Za-z_][A-Za-z0-9_]*/g, '[^/]+')
    .replace(/\/\u0000/g, '(?:/.*)?')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${source}/?$`).test(clean);
}
