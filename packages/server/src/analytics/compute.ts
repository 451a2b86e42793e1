import { SELF_SERVICE_EVENTS, type Severity } from '@helpline/core';
import type { Queryable } from '../db/database.js';
import { firstResponseTargets } from '../tickets/sla.js';
import type { Workspace } from '../workspace/settings.js';
import { answerOutcomes, dailySeries } from './series.js';

const SEVERITIES: readonly Severity[] = ['P0', 'P1', 'P2', 'P3'];
/**
 * "Needs update" thresholds (docs/self-service.md): at least `minTickets` tickets followed a view
 * of the article and they are at least `rate` of all tickets; or at least `minVotes` votes of which
 * at least `share` say not helpful.
 */
export const NEEDS_UPDATE = {
  attachRate: { minTickets: 2, rate: 0.25 },
  notHelpful: { minVotes: 3, share: 0.5 },
} as const;

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/**
 * The inbox's analytics over the last `days` days, with SUPPORT-MODEL.md's definitions (each one is
 * written out in docs/self-service.md). A help session is one visitor's self-service activity on one
 * UTC day; it is deflected when that visitor started no conversation and no ticket that day.
 */
export async function computeAnalytics(db: Queryable, workspace: Workspace, days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const ws = workspace.id;
  const [sessions] = await db.query<{ sessions: string | number; escalated: string | number }>(
    `with s as (
       select distinct visitor_pk, date_trunc('day', created_at at time zone 'UTC') as day from analytics_events
       where workspace_id = $1 and created_at >= $2 and visitor_pk is not null and type in (select jsonb_array_elements_text($3::jsonb))
     ), e as (
       select visitor_pk, date_trunc('day', created_at at time zone 'UTC') as day from conversations where workspace_id = $1 and created_at >= $2
       union select visitor_pk, date_trunc('day', created_at at time zone 'UTC') from tickets where workspace_id = $1 and created_at >= $2
     )
     select count(*) as sessions, count(*) filter (where exists (select 1 from e where e.visitor_pk = s.visitor_pk and e.day = s.day)) as escalated from s`,
    [ws, since, SELF_SERVICE_EVENTS],
  );
  const [escalations] = await db.query<{ count: string | number }>(
    `select (select count(*) from conversations where workspace_id = $1 and created_at >= $2)
          + (select count(*) from tickets where workspace_id = $1 and created_at >= $2) as count`,
    [ws, since],
  );
  const helpSessions = Number(sessions?.sessions ?? 0);
  const escalatedSessions = Number(sessions?.escalated ?? 0);

  const articleRows = await db.query<{
    id: string;
    title: string;
    views: string | number;
    helpful: string | number;
    not_helpful: string | number;
    tickets_after_view: string | number;
  }>(
    `select a.id, a.title,
       (select count(distinct (v.visitor_pk, date_trunc('day', v.created_at))) from analytics_events v
         where v.workspace_id = $1 and v.type = 'article_viewed' and v.article_id = a.id and v.created_at >= $2) as views,
       (select count(*) from article_votes r where r.workspace_id = $1 and r.article_id = a.id and r.helpful and r.updated_at >= $2) as helpful,
       (select count(*) from article_votes r where r.workspace_id = $1 and r.article_id = a.id and not r.helpful and r.updated_at >= $2) as not_helpful,
       (select count(*) from tickets t where t.workspace_id = $1 and t.created_at >= $2 and exists (
          select 1 from analytics_events v where v.workspace_id = $1 and v.type = 'article_viewed' and v.article_id = a.id
            and v.visitor_pk = t.visitor_pk and v.created_at <= t.created_at and v.created_at >= $2
            and date_trunc('day', v.created_at at time zone 'UTC') = date_trunc('day', t.created_at at time zone 'UTC'))) as tickets_after_view
     from articles a where a.workspace_id = $1 order by a.title`,
    [ws, since],
  );
  const [ticketTotal] = await db.query<{ count: string | number }>(
    'select count(*) as count from tickets where workspace_id = $1 and created_at >= $2',
    [ws, since],
  );
  const tickets = Number(ticketTotal?.count ?? 0);
  const answers = await answerOutcomes(db, ws, since);
  const articles = articleRows
    .map((row) => {
      const helpful = Number(row.helpful);
      const notHelpful = Number(row.not_helpful);
      const ticketsAfterView = Number(row.tickets_after_view);
      const helpfulness = ratio(helpful, helpful + notHelpful);
      const notHelpfulShare = ratio(notHelpful, helpful + notHelpful);
      const attachRate = ratio(ticketsAfterView, tickets);
      const flags: ('attach_rate' | 'not_helpful')[] = [];
      if (ticketsAfterView >= NEEDS_UPDATE.attachRate.minTickets && (attachRate ?? 0) >= NEEDS_UPDATE.attachRate.rate)
        flags.push('attach_rate');
      if (
        helpful + notHelpful >= NEEDS_UPDATE.notHelpful.minVotes &&
        (notHelpfulShare ?? 0) >= NEEDS_UPDATE.notHelpful.share
      )
        flags.push('not_helpful');
      const answered = answers.filter((answer) => answer.articleId === row.id);
      return {
        id: row.id,
        title: row.title,
        views: Number(row.views),
        helpful,
        notHelpful,
        helpfulness,
        notHelpfulShare,
        answersSolved: answered.filter((answer) => answer.outcome === 'solved').length,
        answersEscalated: answered.filter((answer) => answer.outcome === 'escalated').length,
        ticketsAfterView,
        attachRate,
        needsUpdate: flags.length > 0,
        flags,
      };
    })
    .sort((a, b) => Number(b.needsUpdate) - Number(a.needsUpdate) || b.views - a.views);

  const [csat] = await db.query<{ responses: string | number; satisfied: string | number }>(
    `select count(*) as responses, count(*) filter (where csat_score >= 4) as satisfied from conversations
     where workspace_id = $1 and csat_score is not null and csat_at >= $2`,
    [ws, since],
  );
  const responses = Number(csat?.responses ?? 0);
  const satisfied = Number(csat?.satisfied ?? 0);

  const targets = firstResponseTargets(workspace.settings);
  const ticketRows = await db.query<{
    severity: Severity;
    created_at: Date;
    first_responded_at: Date | null;
    first_response_due_at: Date;
  }>(
    'select severity, created_at, first_responded_at, first_response_due_at from tickets where workspace_id = $1 and created_at >= $2',
    [ws, since],
  );
  const firstResponse = SEVERITIES.map((severity) => {
    const rows = ticketRows.filter((row) => row.severity === severity);
    const minutes = rows
      .filter((row) => row.first_responded_at)
      .map((row) => (new Date(row.first_responded_at as Date).getTime() - new Date(row.created_at).getTime()) / 60_000);
    const breaches = rows.filter(
      (row) =>
        (row.first_responded_at ? new Date(row.first_responded_at) : now).getTime() >
        new Date(row.first_response_due_at).getTime(),
    ).length;
    return { severity, count: rows.length, medianMinutes: median(minutes), targetMinutes: targets[severity], breaches };
  });

  const solved = answers.filter((answer) => answer.outcome === 'solved').length;
  const escalatedAnswers = answers.filter((answer) => answer.outcome === 'escalated').length;
  return {
    days,
    deflectionRate: ratio(helpSessions - escalatedSessions, helpSessions),
    helpSessions,
    escalations: Number(escalations?.count ?? 0),
    tickets,
    answers: {
      questions: answers.length,
      solved,
      escalated: escalatedAnswers,
      selfServiceRate: ratio(solved, solved + escalatedAnswers),
    },
    thresholds: NEEDS_UPDATE,
    series: await dailySeries(db, ws, since, now, answers, ratio),
    articles,
    csat: { responses, satisfied, score: ratio(satisfied, responses) },
    firstResponse,
  };
}
