import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxApi } from '../api/inbox-api.js';
import { fakeFetch } from '../testing/fake-fetch.js';
import { WebhookLogView } from './WebhookLogView.js';

afterEach(cleanup);

const log = {
  endpoints: [{ id: 'tracker', format: 'helpline', events: ['escalation'], host: 'issues.example.com' }],
  deliveries: [
    {
      id: '2',
      endpointId: 'tracker',
      payloadId: 'p1',
      event: 'escalation',
      source: { kind: 'ticket', id: 't1', reference: 'HL-1001' },
      attempt: 2,
      status: 200,
      ok: true,
      at: '2026-11-29T12:00:02.000Z',
    },
    {
      id: '1',
      endpointId: 'tracker',
      payloadId: 'p1',
      event: 'escalation',
      source: { kind: 'ticket', id: 't1', reference: 'HL-1001' },
      attempt: 1,
      status: 503,
      ok: false,
      error: 'receiver answered 503',
      at: '2026-11-29T12:00:01.000Z',
    },
  ],
};

describe('webhook delivery log', () => {
  it('lists endpoints and every attempt with its status', async () => {
    const server = fakeFetch({ 'GET /webhooks/deliveries': { body: log } });
    render(<WebhookLogView api={createInboxApi({ fetch: server.fetch })} />);
    const table = await screen.findByRole('table', { name: 'Delivery attempts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td, th')].slice(1).map((cell) => cell.textContent))).toEqual([
      ['Escalation', 'HL-1001', 'tracker', '2', 'Delivered (200)'],
      ['Escalation', 'HL-1001', 'tracker', '1', 'Failed (503) receiver answered 503'],
    ]);
    expect(screen.getByRole('heading', { name: 'Endpoints' }).nextElementSibling?.textContent).toContain(
      'issues.example.com',
    );
  });

  it('shows when nothing is configured, errors, and reloads on refresh', async () => {
    let calls = 0;
    const server = fakeFetch({
      'GET /webhooks/deliveries': () =>
        ++calls === 1
          ? { status: 500, body: { error: { code: 'internal', message: 'Database unavailable' } } }
          : { body: { endpoints: [], deliveries: [] } },
    });
    render(<WebhookLogView api={createInboxApi({ fetch: server.fetch })} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Database unavailable');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByText(/No webhook endpoints are configured/)).toBeTruthy());
    expect(screen.getByText('No deliveries yet.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
