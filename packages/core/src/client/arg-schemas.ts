import * as z from 'zod/mini';
import { ROUTE_PATTERN_REGEX } from '../kb/route-pattern.js';
import { CustomFields, Id, MAX_SEARCH_QUERY_LENGTH, MAX_TEXT_LENGTH, matches } from '../schemas/common.js';
import { ContextAccount, ContextUser } from '../schemas/people.js';
import { Category, Severity } from '../schemas/severity.js';

/**
 * Argument schemas of the host commands, each built the first time a command needs it: building zod
 * schemas is most of the cost of evaluating the widget, and most pages never call most commands.
 */
const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

/** What a visitor searches the knowledge base for. */
export const searchQuery = once(() => z.string().check(z.maxLength(MAX_SEARCH_QUERY_LENGTH)));

export const viewArg = once(() => {
  const name = z.enum(['home', 'search', 'article', 'chat', 'conversations', 'ticket', 'tickets', 'ticketThread']);
  return z.union([
    name,
    z.object({
      name,
      query: z.optional(searchQuery()),
      articleId: z.optional(Id),
      conversationId: z.optional(Id),
      ticketId: z.optional(Id),
    }),
  ]);
});

export const prefillArg = once(() =>
  z.object({
    subject: z.optional(z.string().check(z.maxLength(200))),
    text: z.optional(z.string().check(z.maxLength(MAX_TEXT_LENGTH))),
    severity: z.optional(Severity),
    category: z.optional(Category),
    fields: z.optional(CustomFields),
  }),
);

/** identify() is about a known user, so unlike the context user it must carry an id. */
export const identifiedUser = once(() =>
  z.object({
    ...ContextUser.shape,
    id: z.string().check(z.minLength(1), z.maxLength(200)),
  }),
);

export const updateArg = once(() =>
  z.object({
    user: z.optional(ContextUser),
    account: z.optional(ContextAccount),
    custom: z.optional(CustomFields),
    app: z.optional(z.object({ version: z.optional(z.string()), environment: z.optional(z.string()) })),
  }),
);

export const routePatternArg = once(() =>
  z
    .string()
    .check(z.maxLength(300), matches(ROUTE_PATTERN_REGEX, "a route pattern such as '/invoices/*' or '/users/:id'")),
);

export const helpEntryArg = once(() =>
  z.object({
    articles: z.optional(z.array(Id).check(z.maxLength(20))),
    tips: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(10))),
  }),
);

export const trackName = once(() => z.string().check(z.minLength(1), z.maxLength(100)));

/** When something happened, in milliseconds since 1970 (`Date.now()`); a minute of clock skew is let through. */
export const pastTime = once(() =>
  z
    .number()
    .check(z.refine((ms) => ms >= 0 && ms <= Date.now() + 60_000, 'must be a past time in milliseconds (Date.now())')),
);
