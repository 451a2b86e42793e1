import { SELF_SERVICE_EVENTS } from '@helpline/core';
import type { Queryable } from '../db/database.js';

const day = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;

export interface AnswerOutcome {
  day: string;
  articleId: string | null;
  outcome: 'solved' | 'escalated' | 'open';
}

/**
 * Every instant answer asked in the window and how it ended: escalated when the visitor pressed
 * "still need help" (answer_escalated) or started a conversation or ticket later the same UTC day;
 * otherwise solved when they pressed "that solved it" (answer_solved); otherwise open.
 */
export async function answerOutcomes(db: Queryable, workspaceId: string, since: Date): Promise<AnswerOutcome[]> {
  const rows = await db.query<{ day: string; article_id: string | null; solved: boolean; escalated: boolean }>(
    `select ${day('a.created_at')} as day, a.article_ids->>0 as article_id,
       exists (select 1 from analytics_events v where v.workspace_id = $1 and v.type = 'answer_solved' and v.answer_id = a.id) as solved,
       (exists (select 1 from analytics_events v where v.workspace_id = $1 and v.type = 'answer_escalated' and v.answer_id = a.id)
        or exists (select 1 from conversations c where c.workspace_id = $1 and c.visitor_pk = a.visitor_pk and c.created_at >= a.created_at
                   and ${day('c.created_at')} = ${day('a.created_at')})
        or exists (select 1 from tickets t where t.workspace_id = $1 and t.visitor_pk = a.visitor_pk and t.created_at >= a.created_at
                   and ${day('t.created_at')} = ${day('a.created_at')})) as escalated
     from answers a where a.workspace_id = $1 and a.created_at >= $2`,
    [workspaceId, since],
  );
  return rows.map((row) => ({
    day: row.day,
    articleId: row.article_id,
    outcome: row.escalated ? 'escalated' : row.solved ? 'solved' : 'open',
  }));
}

export interface DayRow {
  day: string;
  helpSessions: number;
  deflected: number;
  deflectionRate: number | null;
  articleViews: number;
  helpful: number;
  notHelpful: number;
  questions: number;
  answersSolved: number;
  answersEscalated: number;
  conversations: number;
  tickets: number;
}

const count = (value: string | number | undefined): number => Number(value ?? 0);

/** One row per UTC day the window touches (days + 1 rows, the first one partial), oldest first, zeros included. */
export async function dailySeries(
  db: Queryable,
  workspaceId: string,
  since: Date,
  now: Date,
  answers: readonly AnswerOutcome[],
  ratio: (part: number, whole: number) => number | null,
): Promise<DayRow[]> {
  const args = [workspaceId, since];
  const sessions = await db.query<{ day: string; sessions: string | number; escalated: string | number }>(
    `with s as (
       select distinct visitor_pk, ${day('created_at')} as day from analytics_events
       where workspace_id = $1 and created_at >= $2 and visitor_pk is not null and type in (select jsonb_array_elements_text($3::jsonb))
     ), e as (
       select visitor_pk, ${day('created_at')} as day from conversations where workspace_id = $1 and created_at >= $2
       union select visitor_pk, ${day('created_at')} from tickets where workspace_id = $1 and created_at >= $2
     )
     select day, count(*) as sessions,
       count(*) filter (where exists (select 1 from e where e.visitor_pk = s.visitor_pk and e.day = s.day)) as escalated
     from s group by day`,
    [...args, SELF_SERVICE_EVENTS],
  );
  const views = await db.query<{ day: string; views: string | number }>(
    `select day, count(*) as views from (
       select distinct visitor_pk, article_id, ${day('created_at')} as day from analytics_events
       where workspace_id = $1 and created_at >= $2 and type = 'article_viewed') v group by day`,
    args,
  );
  const votes = await db.query<{ day: string; helpful: string | number; not_helpful: string | number }>(
    `select ${day('updated_at')} as day, count(*) filter (where helpful) as helpful, count(*) filter (where not helpful) as not_helpful
     from article_votes where workspace_id = $1 and updated_at >= $2 group by 1`,
    args,
  );
  const started = await db.query<{ day: string; conversations: string | number; tickets: string | number }>(
    `select day, count(*) filter (where kind = 'c') as conversations, count(*) filter (where kind = 't') as tickets from (
       select 'c' as kind, ${day('created_at')} as day from conversations where workspace_id = $1 and created_at >= $2
       union all select 't', ${day('created_at')} from tickets where workspace_id = $1 and created_at >= $2) x group by day`,
    args,
  );
  const rows: DayRow[] = [];
  for (let at = new Date(since); at.getTime() <= now.getTime(); at = new Date(at.getTime() + 86_400_000)) {
    const key = at.toISOString().slice(0, 10);
    const s = sessions.find((row) => row.day === key);
    const v = votes.find((row) => row.day === key);
    const c = started.find((row) => row.day === key);
    const helpSessions = count(s?.sessions);
    const deflected = helpSessions - count(s?.escalated);
    const ofDay = answers.filter((answer) => answer.day === key);
    rows.push({
      day: key,
      helpSessions,
      deflected,
      deflectionRate: ratio(deflected, helpSessions),
      articleViews: count(views.find((row) => row.day === key)?.views),
      helpful: count(v?.helpful),
      notHelpful: count(v?.not_helpful),
      questions: ofDay.length,
      answersSolved: ofDay.filter((answer) => answer.outcome === 'solved').length,
      answersEscalated: ofDay.filter((answer) => answer.outcome === 'escalated').length,
      conversations: count(c?.conversations),
      tickets: count(c?.tickets),
    });
  }
  return rows;
}
