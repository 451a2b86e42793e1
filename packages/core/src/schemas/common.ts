import * as z from 'zod/mini';

/** Identifiers are opaque strings chosen by the backend. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * A string that `pattern` matches; `expected` says what that is, for the error. A refinement rather
 * than `z.regex`: zod's code for a check kind used anywhere lands in the widget's entry chunk, so
 * the widget keeps to the few kinds it needs (the same goes for `whole`, `between` and `pair` below).
 */
export const matches = (pattern: RegExp, expected: string) =>
  z.refine<string>((value) => pattern.test(value), `must be ${expected}`);

/**
 * Timestamps travel as ISO 8601 strings with an offset (`2026-11-29T10:00:00.000Z`), checked by
 * pattern rather than `z.iso.datetime`, whose format machinery costs the first open ~0.5 KB gzip.
 */
export const Timestamp = z
  .string()
  .check(
    matches(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/,
      'an ISO 8601 date-time with an offset, e.g. 2026-11-29T10:00:00Z',
    ),
  );

/**
 * The longest text of one message (chat or ticket reply) or custom field value, in characters:
 * every schema, command and route that carries such text uses this, so the widget, the adapters and
 * the server refuse and truncate at the same point.
 */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * The longest knowledge-base search query, in characters: `search`/`kb.search`, the widget's search
 * boxes, the `search` analytics event, the memory adapter and GET /v1/kb/search alike, so a query
 * the client takes is never refused by a backend.
 */
export const MAX_SEARCH_QUERY_LENGTH = 500;

/** Free-form, JSON-safe values for custom fields and attributes. */
export const FieldValue = z.union([
  z.string().check(z.maxLength(MAX_TEXT_LENGTH)),
  z.number(),
  z.boolean(),
  z.literal(null),
]);
export type FieldValue = z.infer<typeof FieldValue>;

/**
 * Custom fields and attributes: names of 1–100 characters, JSON-safe values. An object with a
 * catchall rather than `z.record`, whose code (~0.8 KB gzip) would land in every first open.
 */
export const CustomFields = z
  .catchall(z.object({}), FieldValue)
  .check(
    z.refine(
      (fields) => Object.keys(fields).every((name) => name.length >= 1 && name.length <= 100),
      'field names must be 1–100 characters',
    ),
  );
export type CustomFields = z.infer<typeof CustomFields>;

const isHttpUrl = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** An absolute http(s) URL, such as a server's address. */
export const HttpUrl = z.string().check(z.refine(isHttpUrl, 'an absolute http(s) URL'));

/**
 * Whole numbers. A refinement rather than `z.int()`, whose number-format machinery would cost every
 * first open ~0.4 KB gzip: zod's code for a kind used anywhere in the widget lands in its entry.
 */
export const whole = () => z.refine<number>(Number.isInteger, 'must be a whole number');

/**
 * Number bounds, as refinements for the same reason: zod's bound checks would cost every first open
 * ~0.3 KB gzip. `between` includes both ends.
 */
export const between = (min: number, max: number) =>
  z.refine<number>((value) => value >= min && value <= max, `must be between ${min} and ${max}`);
export const atLeast = (min: number) => z.refine<number>((value) => value >= min, `must be at least ${min}`);
export const positive = () => z.refine<number>((value) => value > 0, 'must be more than 0');

/**
 * A pair such as [start, end): an array checked to hold exactly two, not `z.tuple`, for the same
 * reason (~0.5 KB). Its type says what the checks guarantee.
 */
export const pair = <T extends z.core.SomeType>(item: T) =>
  z.array(item).check(z.minLength(2), z.maxLength(2)) as unknown as z.ZodMiniType<
    [z.output<T>, z.output<T>],
    [z.input<T>, z.input<T>]
  >;

/** Client-made key that lets a backend store a write once however often it is retried. */
export const IdempotencyKey = z.string().check(z.minLength(8), z.maxLength(100));
