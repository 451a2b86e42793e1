import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxApi } from '../api/inbox-api.js';
import { fakeFetch } from '../testing/fake-fetch.js';
import { AnalyticsView } from './AnalyticsView.js';

afterEach(cleanup);

const analytics = {
  days: 30,
  deflectionRate: 0.734,
  helpSessions: 500,
  escalations: 133,
  articles: [
    {
      id: 'a1',
      title: 'Reset password',
      views: 120,
      helpful: 3,
      notHelpful: 9,
      helpfulness: 0.25,
      ticketsAfterView: 14,
      attachRate: 0.2,
      needsUpdate: true,
    },
    {
      id: 'a2',
      title: 'Invite teammates',
      views: 80,
      helpful: 20,
      notHelpful: 1,
      helpfulness: 0.952,
      ticketsAfterView: 0,
      attachRate: 0,
      needsUpdate: false,
    },
  ],
  csat: { responses: 40, satisfied: 34, score: 0.85 },
  firstResponse: [
    { severity: 'P0', count: 2, medianMinutes: 22, targetMinutes: 15, breaches: 1 },
    { severity: 'P1', count: 5, medianMinutes: 31, targetMinutes: 60, breaches: 0 },
    { severity: 'P2', count: 0, medianMinutes: null, targetMinutes: 240, breaches: 0 },
    { severity: 'P3', count: 1, medianMinutes: 300, targetMinutes: 1440, breaches: 0 },
  ],
};

describe('analytics', () => {
  it('shows deflection, CSAT, flagged articles and first response against the SLA', async () => {
    const server = fakeFetch({ 'GET /analytics?days=30': { body: analytics } });
    render(<AnalyticsView api={createInboxApi({ fetch: server.fetch })} />);
    expect((await screen.findByText('Deflection rate')).nextElementSibling?.textContent).toBe('73%');
    expect(screen.getByText('CSAT').nextElementSibling?.textContent).toBe('85% 34 of 40 satisfied');
    const articles = screen.getByRole('table', { name: 'Article helpfulness' });
    const flagged = within(articles).getByRole('row', { name: /Reset password/ });
    expect(within(flagged).getByText('Needs update')).toBeTruthy();
    expect(
      within(within(articles).getByRole('row', { name: /Invite teammates/ })).queryByText('Needs update'),
    ).toBeNull();
    const sla = screen.getByRole('table', { name: 'First response vs SLA' });
    const p0 = within(sla).getByRole('row', { name: /P0/ });
    expect([...p0.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['2', '22 min', '15 min', '1']);
    expect(p0.querySelector('td.over')).not.toBeNull();
    const p2 = within(sla).getByRole('row', { name: /P2/ });
    expect(p2.querySelectorAll('td')[1]?.textContent).toBe('—');
  });

  it('shows the error when analytics cannot load', async () => {
    const server = fakeFetch({
      'GET /analytics?days=30': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'X-CSRF-Token: missing or wrong' } },
      },
    });
    render(<AnalyticsView api={createInboxApi({ fetch: server.fetch })} />);
    expect((await screen.findByRole('alert')).textContent).toBe('X-CSRF-Token: missing or wrong');
  });
});
