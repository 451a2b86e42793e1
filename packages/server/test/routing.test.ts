import { describe, expect, it } from 'vitest';
import { applyRouting, RoutingRules } from '../src/routing/rules.ts';

const config = RoutingRules.parse({
  defaultQueue: 'general',
  rules: [
    {
      name: 'outages to on-call',
      when: { category: ['outage'], severity: ['P0', 'P1'] },
      assign: { queue: 'on-call', priority: 'urgent' },
    },
    {
      name: 'enterprise billing',
      when: { category: ['billing_access'], plan: ['enterprise'] },
      assign: { queue: 'billing-vip', bumpPriority: true },
    },
    { name: 'big accounts', when: { minSeats: 100 }, assign: { bumpPriority: true } },
    { name: 'integrations area', when: { pathPrefix: '/integrations' }, assign: { queue: 'integrations' } },
  ],
});

describe('ticket routing rules', () => {
  it('uses the first matching rule, in file order', () => {
    expect(applyRouting(config, { category: 'outage', severity: 'P1', plan: 'enterprise' }, 'high')).toEqual({
      queue: 'on-call',
      priority: 'urgent',
      rule: 'outages to on-call',
    });
  });

  it('matches plans case-insensitively and bumps priority one step', () => {
    expect(
      applyRouting(config, { category: 'billing_access', severity: 'P3', plan: 'Enterprise' }, 'low'),
    ).toMatchObject({
      queue: 'billing-vip',
      priority: 'normal',
    });
  });

  it('routes by account size and by the product area of the page', () => {
    expect(applyRouting(config, { category: 'bug', severity: 'P2', seats: 240 }, 'normal')).toMatchObject({
      queue: 'general',
      priority: 'high',
    });
    expect(
      applyRouting(config, { category: 'how_to', severity: 'P3', path: '/integrations/stripe' }, 'low'),
    ).toMatchObject({ queue: 'integrations' });
  });

  it('falls back to the default queue and the base priority', () => {
    expect(applyRouting(config, { category: 'feature_request', severity: 'P3' }, 'low')).toEqual({
      queue: 'general',
      priority: 'low',
      rule: undefined,
    });
  });

  it('refuses a rules file with an unknown category, naming where', () => {
    const result = RoutingRules.safeParse({ rules: [{ name: 'x', when: { category: ['billing'] }, assign: {} }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['rules', 0, 'when', 'category', 0]);
  });
});
