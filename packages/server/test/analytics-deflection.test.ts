import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnalytics } from '../src/analytics/compute.ts';
import { createWorkspace, type Database, migrate, openPglite, type Workspace } from '../src/index.js';

// Hand-built history of one workspace, with exact timestamps, read back through the real SQL.
const NOW = new Date('2026-11-29T12:00:00.000Z');
const D1 = '2026-11-27';
const D2 = '2026-11-28';
let db: Database;
let ws: Workspace;
let other: Workspace;
const A = 'article-a';
const B = 'article-b';

async function article(workspace: Workspace, id: string, title: string) {
  await db.query(
    `insert into articles (id, workspace_id, slug, title, markdown, html, search) values ($1, $2, $1, $3, '', '', to_tsvector('english', $3))`,
    [id, workspace.id, title],
  );
}
async function visitor(workspace: Workspace, id: string) {
  await db.query('insert into visitors (id, workspace_id, identity_key, visitor_id) values ($1, $2, $1, $1)', [
    id,
    workspace.id,
  ]);
}
async function event(
  visitorPk: string,
  type: string,
  at: string,
  extra: { articleId?: string; answerId?: string } = {},
  workspace = ws,
) {
  await db.query(
    'insert into analytics_events (workspace_id, visitor_pk, type, article_id, answer_id, created_at) values ($1, $2, $3, $4, $5, $6)',
    [workspace.id, visitorPk, type, extra.articleId ?? null, extra.answerId ?? null, at],
  );
}
async function answer(id: string, visitorPk: string, at: string, articleIds: string[]) {
  await db.query(
    `insert into answers (id, workspace_id, visitor_pk, question, article_ids, created_at) values ($1, $2, $3, 'q', $4::jsonb, $5)`,
    [id, ws.id, visitorPk, JSON.stringify(articleIds), at],
  );
  await event(visitorPk, 'answer_shown', at, { answerId: id, articleId: articleIds[0] ?? '' });
}
async function vote(articleId: string, visitorPk: string, helpful: boolean, at: string) {
  await db.query(
    'insert into article_votes (workspace_id, article_id, visitor_pk, helpful, updated_at) values ($1, $2, $3, $4, $5)',
    [ws.id, articleId, visitorPk, helpful, at],
  );
}
let ticketNumber = 1000;
async function ticket(visitorPk: string, at: string, workspace = ws) {
  ticketNumber += 1;
  await db.query(
    `insert into tickets (id, workspace_id, visitor_pk, number, subject, description, severity, category, priority, idempotency_key, first_response_due_at, created_at)
     values ($1, $2, $3, $4, 's', 'd', 'P2', 'bug', 'normal', $1, $5, $5)`,
    [`t-${ticketNumber}`, workspace.id, visitorPk, ticketNumber, at],
  );
}
async function conversation(visitorPk: string, at: string) {
  await db.query(
    'insert into conversations (id, workspace_id, visitor_pk, idempotency_key, created_at) values ($1, $2, $3, $1, $4)',
    [`c-${visitorPk}-${at}`, ws.id, visitorPk, at],
  );
}

beforeAll(async () => {
  db = await openPglite(':memory:');
  await migrate(db);
  ws = await createWorkspace(db, { name: 'Deflect', publicKey: 'deflect-key' });
  other = await createWorkspace(db, { name: 'Other', publicKey: 'other-key' });
  await article(ws, A, 'Reset password');
  await article(ws, B, 'Invoices');
  await article(other, 'other-article', 'Elsewhere');
  for (const id of ['v1', 'v2', 'v3', 'v4', 'v5']) await visitor(ws, id);
  await visitor(other, 'o1');

  // D1 — v1 reads A and B, votes A helpful, leaves (deflected).
  await event('v1', 'help_opened', `${D1}T09:00:00Z`);
  await event('v1', 'article_viewed', `${D1}T09:01:00Z`, { articleId: A });
  await event('v1', 'article_viewed', `${D1}T09:02:00Z`, { articleId: B });
  await event('v1', 'article_viewed', `${D1}T09:03:00Z`, { articleId: A }); // same visitor, day, article: one view
  await vote(A, 'v1', true, `${D1}T09:04:00Z`);
  // D1 — v2 reads A, then files a ticket (escalated, attached to A).
  await event('v2', 'article_viewed', `${D1}T11:00:00Z`, { articleId: A });
  await ticket('v2', `${D1}T11:30:00Z`);
  // D1 — v3 asks, the answer (top article A) solves it.
  await answer('q1', 'v3', `${D1}T12:00:00Z`, [A, B]);
  await event('v3', 'answer_solved', `${D1}T12:01:00Z`, { answerId: 'q1', articleId: A });
  // D2 — v4 asks, says "still need help" and chats.
  await answer('q2', 'v4', `${D2}T09:00:00Z`, [B]);
  await event('v4', 'answer_escalated', `${D2}T09:01:00Z`, { answerId: 'q2', articleId: B });
  await conversation('v4', `${D2}T09:05:00Z`);
  // D2 — v5 reads A and files a ticket; asks later (a ticket before an answer does not escalate it).
  await event('v5', 'article_viewed', `${D2}T08:00:00Z`, { articleId: A });
  await ticket('v5', `${D2}T10:00:00Z`);
  await answer('q3', 'v5', `${D2}T11:00:00Z`, [B]);
  // D2 — v1 files a ticket with no self-service that day: B (read on D1) is not blamed.
  await ticket('v1', `${D2}T10:00:00Z`);
  // Votes on B: 3 of 4 not helpful.
  await vote(B, 'v1', true, `${D2}T12:00:00Z`);
  for (const id of ['v3', 'v4', 'v5']) await vote(B, id, false, `${D2}T12:00:00Z`);
  // Outside the window, and another workspace: ignored.
  await event('v1', 'article_viewed', '2026-11-01T10:00:00Z', { articleId: A });
  await ticket('v1', '2026-11-01T10:05:00Z');
  await event('o1', 'help_opened', `${D1}T09:00:00Z`, {}, other);
  await ticket('o1', `${D1}T09:30:00Z`, other);
});
afterAll(() => db?.close());

describe('deflection analytics', () => {
  it('computes sessions, deflection and answer outcomes', async () => {
    const result = await computeAnalytics(db, ws, 7, NOW);
    expect(result).toMatchObject({
      helpSessions: 5,
      deflectionRate: 0.4,
      escalations: 4,
      tickets: 3,
      answers: { questions: 3, solved: 1, escalated: 1, selfServiceRate: 0.5 },
      thresholds: { attachRate: { minTickets: 2, rate: 0.25 }, notHelpful: { minVotes: 3, share: 0.5 } },
    });
  });

  it('flags articles by attach rate (same-day view before the ticket) and by not-helpful share', async () => {
    const { articles } = await computeAnalytics(db, ws, 7, NOW);
    expect(articles.map((entry) => entry.id)).toEqual([A, B]);
    expect(articles[0]).toEqual({
      id: A,
      title: 'Reset password',
      views: 3,
      helpful: 1,
      notHelpful: 0,
      helpfulness: 1,
      notHelpfulShare: 0,
      answersSolved: 1,
      answersEscalated: 0,
      ticketsAfterView: 2,
      attachRate: 0.667,
      needsUpdate: true,
      flags: ['attach_rate'],
    });
    expect(articles[1]).toMatchObject({
      id: B,
      views: 1,
      helpful: 1,
      notHelpful: 3,
      helpfulness: 0.25,
      notHelpfulShare: 0.75,
      answersSolved: 0,
      answersEscalated: 1,
      ticketsAfterView: 0,
      attachRate: 0,
      needsUpdate: true,
      flags: ['not_helpful'],
    });
  });

  it('lists every UTC day of the window with its own counts', async () => {
    const { series } = await computeAnalytics(db, ws, 7, NOW);
    expect(series.map((row) => row.day)).toEqual([
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      D1,
      D2,
      '2026-11-29',
    ]);
    expect(series.find((row) => row.day === D1)).toEqual({
      day: D1,
      helpSessions: 3,
      deflected: 2,
      deflectionRate: 0.667,
      articleViews: 3,
      helpful: 1,
      notHelpful: 0,
      questions: 1,
      answersSolved: 1,
      answersEscalated: 0,
      conversations: 0,
      tickets: 1,
    });
    expect(series.find((row) => row.day === D2)).toEqual({
      day: D2,
      helpSessions: 2,
      deflected: 0,
      deflectionRate: 0,
      articleViews: 1,
      helpful: 1,
      notHelpful: 3,
      questions: 2,
      answersSolved: 0,
      answersEscalated: 1,
      conversations: 1,
      tickets: 2,
    });
    expect(series[0]).toMatchObject({ helpSessions: 0, deflectionRate: null, tickets: 0 });
  });

  it('keeps old data out of a short window', async () => {
    const result = await computeAnalytics(db, ws, 1, NOW);
    expect(result).toMatchObject({
      helpSessions: 0,
      deflectionRate: null,
      tickets: 0,
      answers: { questions: 0, selfServiceRate: null },
    });
    expect(result.series.map((row) => row.day)).toEqual([D2, '2026-11-29']);
  });
});
