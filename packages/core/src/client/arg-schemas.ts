import * as z from 'zod/mini';
import { ROUTE_PATTERN_REGEX } from '../kb/route-pattern.js';
import { CustomFields, Id, matches } from '../schemas/common.js';
import { ContextAccount, ContextUser } from '../schemas/people.js';
import { Category, Severity } from '../schemas/severity.js';

export const ViewName = z.enum([
  'home',
  'search',
  'article',
  'chat',
  'conversations',
  'ticket',
  'tickets',
  'ticketThread',
]);

export const ViewStateArg = z.object({
  name: ViewName,
  query: z.optional(z.string().check(z.maxLength(500))),
  articleId: z.optional(Id),
  conversationId: z.optional(Id),
  ticketId: z.optional(Id),
});

export const ViewArg = z.union([ViewName, ViewStateArg]);

export const PrefillArg = z.object({
  subject: z.optional(z.string().check(z.maxLength(200))),
  text: z.optional(z.string().check(z.maxLength(10_000))),
  severity: z.optional(Severity),
  category: z.optional(Category),
  fields: z.optional(CustomFields),
});

/** identify() is about a known user, so unlike the context user it must carry an id. */
export const IdentifiedUser = z.object({
  ...ContextUser.shape,
  id: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const UpdateArg = z.object({
  user: z.optional(ContextUser),
  account: z.optional(ContextAccount),
  custom: z.optional(CustomFields),
  app: z.optional(z.object({ version: z.optional(z.string()), environment: z.optional(z.string()) })),
});

export const RoutePatternArg = z
  .string()
  .check(z.maxLength(300), matches(ROUTE_PATTERN_REGEX, "a route pattern such as '/invoices/*' or '/users/:id'"));

export const HelpEntryArg = z.object({
  articles: z.optional(z.array(Id).check(z.maxLength(20))),
  tips: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(10))),
});

export const TrackName = z.string().check(z.minLength(1), z.maxLength(100));
export const TrackData = CustomFields;
