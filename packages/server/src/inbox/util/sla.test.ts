import { describe, expect, it } from 'vitest';
import { slaStatus } from './sla.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const iso = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('SLA status', () => {
  it('is on track early in the window', () => {
    expect(slaStatus(iso(180), iso(-60), NOW)).toMatchObject({ state: 'ok', label: 'On track · due in 3h 00m' });
  });

  it('is at risk in the last quarter of the window', () => {
    // 4 h window, 50 min left: past the last quarter (60 min) but more than 15 min.
    expect(slaStatus(iso(50), iso(-190), NOW)).toMatchObject({ state: 'at_risk', label: 'At risk · due in 50m' });
  });

  it('is at risk in the last 15 minutes even without a known start', () => {
    expect(slaStatus(iso(14), undefined, NOW).state).toBe('at_risk');
    expect(slaStatus(iso(16), undefined, NOW).state).toBe('ok');
  });

  it('is breached once overdue, saying by how much', () => {
    expect(slaStatus(iso(-90), iso(-150), NOW)).toMatchObject({
      state: 'breached',
      label: 'Breached · overdue by 1h 30m',
      remainingMs: -90 * 60_000,
    });
    expect(slaStatus(iso(-3 * 24 * 60), iso(-4 * 24 * 60), NOW).label).toBe('Breached · overdue by 3d 0h');
  });
});
