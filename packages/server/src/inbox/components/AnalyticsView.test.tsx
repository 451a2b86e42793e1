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
      flags: ['not_helpful'],
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
  answers: { questions: 30, solved: 18, escalated: 6, selfServiceRate: 0.75 },
  series: [
    {
      day: '2026-11-28',
      helpSessions: 20,
      deflected: 15,
      deflectionRate: 0.75,
      articleViews: 31,
      helpful: 4,
      notHelpful: 1,
      questions: 6,
      answersSolved: 4,
      answersEscalated: 1,
      conversations: 3,
      tickets: 2,
    },
    {
      day: '2026-11-29',
      helpSessions: 0,
      deflected: 0,
      deflectionRate: null,
      articleViews: 0,
      helpful: 0,
      notHelpful: 0,
      questions: 0,
      answersSolved: 0,
      answersEscalated: 0,
      conversations: 0,
      tickets: 0,
    },
  ],
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
    expect(flagged.textContent).toContain('mostly voted not helpful');
    expect(screen.getByText('Instant answers').nextElementSibling?.textContent).toBe(
      '75% 18 solved · 6 escalated · 30 asked',
    );
    expect(
      within(within(articles).getByRole('row', { name: /Invite teammates/ })).queryByText('Needs update'),
    ).toBeNull();
    const sla = screen.getByRole('table', { name: 'First response vs SLA' });
    const p0 = within(sla).getByRole('row', { name: /P0/ });
    expect([...p0.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['2', '22 min', '15 min', '1']);
    expect(p0.querySelector('td.over')).not.toBeNull();
    const p2 = within(sla).getByRole('row', { name: /P2/ });
    expect(p2.querySelectorAll('td')[1]?.textContent).toBe('—');
    const daily = screen.getByRole('table', { name: 'Per day' });
    const rows = within(daily).getAllByRole('row').slice(1);
    // Newest first; a day without sessions has no rate rather than 0 %.
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['2026-11-29', '0', '—', '0', '0 / 0', '0 / 0', '0 / 0'],
      ['2026-11-28', '20', '75%', '31', '4 / 1', '4 / 1', '3 / 2'],
    ]);
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
