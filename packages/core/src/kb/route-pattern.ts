/**
 * Route patterns for `help.register`: literal segments, `:name` for exactly one segment and `*` for
 * one or more segments. `/invoices/*` matches `/invoices/42` and `/invoices/42/edit`, not `/invoices`.
 */
export interface RoutePattern {
  readonly source: string;
  /** Literal segments count for more: `/invoices/new` wins over `/invoices/:id`. */
  readonly specificity: number;
  matches(path: string): boolean;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const segmentsOf = (path: string): string[] =>
  path
    .split(/[?#]/)[0]!
    .split('/')
    .filter((segment) => segment !== '');

export function compileRoutePattern(source: string): RoutePattern {
  const segments = segmentsOf(source);
  const body = segments
    .map((segment) => (segment === '*' ? '[^/]+(?:/[^/]+)*' : segment.startsWith(':') ? '[^/]+' : escapeRegex(segment)))
    .join('/');
  const regex = new RegExp(`^/${body}$`);
  const specificity = segments.reduce(
    (sum, segment) => sum + (segment === '*' ? 0 : segment.startsWith(':') ? 1 : 2),
    0,
  );
  return {
    source,
    specificity,
    matches: (path) => regex.test(`/${segmentsOf(path).join('/')}`),
  };
}

/** A route pattern as the host writes it: starts with '/', segments without stray wildcards. */
export const ROUTE_PATTERN_REGEX =
  /^\/(?:(?:\*|:[A-Za-z_][A-Za-z0-9_]*|[^/*:?#]+)(?:\/(?:\*|:[A-Za-z_][A-Za-z0-9_]*|[^/*:?#]+))*)?\/?$/;
