import { Category, Severity } from '@helpline/core';
import * as z from 'zod/mini';

const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

/**
 * One routing rule: every condition given must hold; the first matching rule (in file order) wins.
 * Example: `{ "when": { "category": ["billing_access"], "plan": ["enterprise"] },
 *             "assign": { "queue": "billing-vip", "priority": "high" } }`
 */
export const RoutingRule = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  when: z.object({
    category: z.optional(z.array(Category)),
    severity: z.optional(z.array(Severity)),
    plan: z.optional(z.array(z.string().check(z.minLength(1)))),
    minSeats: z.optional(z.number().check(z.int(), z.nonnegative())),
    /** Account custom attributes that must equal these values. */
    account: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
    /** Route prefix of the page the user was on (product area), e.g. "/billing". */
    pathPrefix: z.optional(z.string().check(z.regex(/^\//))),
  }),
  assign: z.object({
    queue: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    priority: z.optional(Priority),
    /** Raise priority one step instead of setting it. */
    bumpPriority: z.optional(z.boolean()),
  }),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingRules = z.object({
  defaultQueue: z._default(z.string().check(z.minLength(1)), 'general'),
  rules: z._default(z.array(RoutingRule), []),
});
export type RoutingRules = z.infer<typeof RoutingRules>;

export interface RoutingFacts {
  category: Category;
  severity: Severity;
  plan?: string | undefined;
  seats?: number | undefined;
  account?: Record<string, unknown> | undefined;
  path?: string | undefined;
}

const ORDER: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
const bump = (priority: Priority): Priority =>
  ORDER[Math.min(ORDER.indexOf(priority) + 1, ORDER.length - 1)] ?? priority;

function matches(rule: RoutingRule, facts: RoutingFacts): boolean {
  const { when } = rule;
  if (when.category && !when.category.includes(facts.category)) return false;
  if (when.severity && !when.severity.includes(facts.severity)) return false;
  if (when.plan && !(facts.plan && when.plan.includes(facts.plan.toLowerCase()))) return false;
  if (when.minSeats !== undefined && !((facts.seats ?? 0) >= when.minSeats)) return false;
  if (when.pathPrefix && !(facts.path ?? '').startsWith(when.pathPrefix)) return false;
  if (when.account) {
    for (const [key, value] of Object.entries(when.account)) if (facts.account?.[key] !== value) return false;
  }
  return true;
}

/** Queue and priority for a ticket; `basePriority` is what severity and plan gave before routing. */
export function applyRouting(
  config: RoutingRules,
  facts: RoutingFacts,
  basePriority: Priority,
): { queue: string; priority: Priority; rule: string | undefined } {
  const rule = config.rules.find((candidate) => matches(candidate, facts));
  if (!rule) return { queue: config.defaultQueue, priority: basePriority, rule: undefined };
  const priority = rule.assign.priority ?? (rule.assign.bumpPriority ? bump(basePriority) : basePriority);
  return { queue: rule.assign.queue ?? config.defaultQueue, priority, rule: rule.name };
}
