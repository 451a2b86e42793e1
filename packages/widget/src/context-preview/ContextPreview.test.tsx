import type { ContextSnapshot } from '@helpline/core';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import conversationStrings from '../i18n/en/conversation.js';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { withStrings } from '../i18n/with-strings.js';
import { ContextPreview as Bare } from './ContextPreview.js';

// Its strings travel with the chat and ticket views that show it.
const ContextPreview = withStrings(conversationStrings, Bare);

/** The preview's fieldset, rendered in English. */
const preview = (shown: ContextSnapshot) =>
  render(
    <LocaleProvider locale="en">
      <ContextPreview snapshot={shown} />
    </LocaleProvider>,
  ).getByRole('group', { name: 'Shared diagnostics' });

afterEach(cleanup);

const at = '2026-11-29T10:00:00.000Z';
const snapshot: ContextSnapshot = {
  capturedAt: at,
  page: { url: 'https://app.test/billing', path: '/billing', title: 'Billing' },
  routeTrail: [
    { path: '/invoices', at },
    { path: '/billing', at },
  ],
  user: { id: 'user-1001', name: 'Dana', email: 'dana@northwind.example', custom: { role: 'admin' } },
  account: { id: 'acct-77', name: 'Northwind', plan: 'growth', custom: { region: 'eu' } },
  app: { version: '4.2.0', environment: 'production' },
  breadcrumbs: [
    { type: 'request', method: 'POST', url: '/api/payments/retry', status: 0, durationMs: 30, at },
    { type: 'request', method: 'GET', url: '/api/export', status: 502, durationMs: 12, at },
    { type: 'event', name: 'export clicked', data: { format: 'csv', rows: 3 }, at },
    { type: 'event', name: 'opened billing', at },
  ],
  selfService: [
    { kind: 'search', ref: 'refund', at },
    { kind: 'article', ref: 'a-1', title: 'How to issue a refund', at },
    { kind: 'answer', ref: 'ans-9', at },
  ],
  custom: { workspace: 'north' },
};

it('shows everything the snapshot shares: requests that got no answer, actions, self-service, custom fields', () => {
  const lines = [...preview(snapshot).querySelectorAll('li')].map((item) => item.textContent);
  expect(lines).toEqual(
    expect.arrayContaining([
      'User: Dana · dana@northwind.example',
      'POST no response: /api/payments/retry',
      'GET 502: /api/export',
      'Action: export clicked · format=csv, rows=3',
      'Action: opened billing',
      'Searched for: refund',
      'Read: How to issue a refund',
      'Answer shown: ans-9',
      'App version: 4.2.0 · production',
      'role: admin',
      'region: eu',
      'workspace: north',
    ]),
  );
});

it('leaves out the sections a snapshot has nothing for', () => {
  const bare: ContextSnapshot = { ...snapshot, breadcrumbs: [], selfService: [], custom: {} };
  delete bare.app;
  delete bare.user;
  delete bare.account;
  const titles = [...preview(bare).querySelectorAll('summary')].map((summary) => summary.textContent);
  expect(titles).toEqual(['Page', 'Errors and failed requests']);
});
