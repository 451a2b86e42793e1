import * as z from 'zod/mini';
import { CustomFields, Timestamp } from './common.js';
import { ContextAccount, ContextUser } from './people.js';

export const RouteVisit = z.object({
  path: z.string(),
  title: z.optional(z.string()),
  at: Timestamp,
});
export type RouteVisit = z.infer<typeof RouteVisit>;

export const Breadcrumb = z.union([
  z.object({
    type: z.literal('console'),
    level: z.enum(['error', 'warn']),
    message: z.string(),
    at: Timestamp,
  }),
  z.object({
    type: z.literal('exception'),
    message: z.string(),
    stack: z.optional(z.string()),
    at: Timestamp,
  }),
  z.object({
    type: z.literal('request'),
    method: z.string(),
    url: z.string(),
    /** 0 when the request never got a response (network error, CORS, abort). */
    status: z.number(),
    durationMs: z.number(),
    at: Timestamp,
  }),
  z.object({
    type: z.literal('event'),
    name: z.string(),
    data: z.optional(CustomFields),
    at: Timestamp,
  }),
]);
export type Breadcrumb = z.infer<typeof Breadcrumb>;

/** The page a visitor is on, shared while a chat they shared their context with is open (redacted). */
export const LivePage = z.object({
  path: z.string().check(z.maxLength(2000)),
  title: z.string().check(z.maxLength(300)),
});
export type LivePage = z.infer<typeof LivePage>;

/**
 * What an agent sees with every conversation and ticket. Built in the page, redacted before it is
 * stored or sent, and shown to the user before sending.
 */
export const ContextSnapshot = z.object({
  capturedAt: Timestamp,
  page: z.object({
    url: z.string(),
    path: z.string(),
    title: z.string(),
    referrer: z.optional(z.string()),
  }),
  routeTrail: z._default(z.array(RouteVisit), []),
  device: z.optional(
    z.object({
      userAgent: z.string(),
      viewport: z.object({ width: z.number(), height: z.number() }),
      language: z.string(),
      timezone: z.optional(z.string()),
      colorScheme: z.optional(z.enum(['light', 'dark'])),
      online: z.boolean(),
    }),
  ),
  app: z.optional(z.object({ version: z.optional(z.string()), environment: z.optional(z.string()) })),
  user: z.optional(ContextUser),
  account: z.optional(ContextAccount),
  breadcrumbs: z._default(z.array(Breadcrumb), []),
  /** Articles and instant answers the user saw before asking: what they already tried. */
  selfService: z._default(
    z.array(
      z.object({
        kind: z.enum(['article', 'answer', 'search']),
        ref: z.string(),
        title: z.optional(z.string()),
        at: Timestamp,
      }),
    ),
    [],
  ),
  custom: z._default(CustomFields, {}),
});
export type ContextSnapshot = z.infer<typeof ContextSnapshot>;
