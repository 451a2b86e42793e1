import type { Database } from './database.js';

/**
 * Versioned schema, append-only: a released migration is never edited, a change is a new entry.
 * Every table carries workspace_id and every query filters on it (tenant isolation).
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
create table server_settings (name text primary key, value text not null);

create table workspaces (
  id text primary key,
  name text not null,
  public_key text not null unique,
  secret text not null,
  settings jsonb not null default '{}',
  created_at timestamptz not null default now()
);

create table agents (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  email text not null,
  name text not null,
  password_hash text not null,
  online boolean not null default false,
  last_seen_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index agents_email on agents (lower(email));

create table agent_sessions (
  token_hash text primary key,
  agent_id text not null references agents(id) on delete cascade,
  workspace_id text not null,
  csrf_token text not null,
  expires_at timestamptz not null
);

create table visitors (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  identity_key text not null,
  visitor_id text not null,
  user_id text,
  name text,
  email text,
  verified boolean not null default false,
  account jsonb,
  user_data jsonb,
  locale text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  unique (workspace_id, identity_key)
);

create table articles (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  slug text not null,
  title text not null,
  markdown text not null,
  html text not null,
  summary text not null default '',
  category text,
  routes jsonb not null default '[]',
  tags jsonb not null default '[]',
  published boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector not null,
  unique (workspace_id, slug)
);
create index articles_search on articles using gin (search);

create table kb_passages (
  id bigserial primary key,
  workspace_id text not null,
  article_id text not null references articles(id) on delete cascade,
  position integer not null,
  heading text,
  body text not null,
  search tsvector not null
);
create index kb_passages_search on kb_passages using gin (search);
create index kb_passages_article on kb_passages (article_id);

create table article_votes (
  workspace_id text not null,
  article_id text not null references articles(id) on delete cascade,
  visitor_pk text not null references visitors(id) on delete cascade,
  helpful boolean not null,
  updated_at timestamptz not null default now(),
  primary key (article_id, visitor_pk)
);

create table conversations (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  visitor_pk text not null references visitors(id) on delete cascade,
  status text not null default 'open',
  subject text,
  context jsonb,
  idempotency_key text not null,
  visitor_last_read_at timestamptz,
  agent_last_read_at timestamptz,
  first_responded_at timestamptz,
  csat_score integer,
  csat_comment text,
  csat_key text,
  csat_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, idempotency_key)
);
create index conversations_visitor on conversations (workspace_id, visitor_pk);

create table tickets (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  visitor_pk text not null references visitors(id) on delete cascade,
  number integer not null,
  subject text not null,
  description text not null,
  severity text not null,
  category text not null,
  status text not null default 'new',
  priority text not null,
  fields jsonb not null default '{}',
  attachments jsonb not null default '[]',
  context jsonb,
  idempotency_key text not null,
  first_response_due_at timestamptz not null,
  first_responded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, idempotency_key),
  unique (workspace_id, number)
);

create table ticket_history (
  id bigserial primary key,
  workspace_id text not null,
  ticket_id text not null references tickets(id) on delete cascade,
  at timestamptz not null default now(),
  field text not null,
  from_value text,
  to_value text,
  by_name text not null
);

create table messages (
  seq bigserial primary key,
  id text not null unique,
  workspace_id text not null,
  conversation_id text references conversations(id) on delete cascade,
  ticket_id text references tickets(id) on delete cascade,
  author_type text not null,
  author_id text,
  author_name text,
  body text not null,
  attachments jsonb not null default '[]',
  idempotency_key text,
  created_at timestamptz not null default now()
);
create unique index messages_idempotency on messages (workspace_id, idempotency_key) where idempotency_key is not null;
create index messages_conversation on messages (conversation_id, seq);
create index messages_ticket on messages (ticket_id, seq);

create table attachments (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  visitor_pk text references visitors(id) on delete cascade,
  name text not null,
  type text not null,
  size integer not null,
  data bytea not null,
  created_at timestamptz not null default now()
);

create table realtime_events (
  id bigserial primary key,
  workspace_id text not null,
  visitor_pk text,
  audience text not null,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
create index realtime_events_visitor on realtime_events (workspace_id, visitor_pk, id);

create table analytics_events (
  id bigserial primary key,
  workspace_id text not null,
  visitor_pk text,
  type text not null,
  article_id text,
  answer_id text,
  query text,
  path text,
  data jsonb,
  created_at timestamptz not null default now()
);
create index analytics_events_workspace on analytics_events (workspace_id, created_at);

create table answers (
  id text primary key,
  workspace_id text not null,
  visitor_pk text,
  question text not null,
  path text,
  article_ids jsonb not null,
  created_at timestamptz not null default now()
);
`,
  },
  {
    version: 2,
    name: 'article plain text for snippets; conversation assignee',
    sql: `
alter table articles add column body_text text not null default '';
update articles set body_text = regexp_replace(html, '<[^>]*>', ' ', 'g');
alter table conversations add column assignee_id text;
alter table conversations add column assignee_name text;
`,
  },
  {
    version: 3,
    name: 'webhook delivery log; ticket queue',
    sql: `
create table webhook_deliveries (
  id bigserial primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  endpoint_id text not null,
  payload_id text not null,
  event text not null,
  source_kind text not null,
  source_id text not null,
  source_reference text,
  attempt integer not null,
  status integer not null,
  ok boolean not null,
  error text,
  at timestamptz not null default now()
);
create index webhook_deliveries_workspace on webhook_deliveries (workspace_id, id);
alter table tickets add column queue text not null default 'general';
`,
  },
  {
    version: 4,
    name: 'revoked widget sessions',
    sql: `
create table revoked_sessions (
  token_id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  expires_at timestamptz not null
);
create index revoked_sessions_expiry on revoked_sessions (expires_at);
`,
  },
  {
    version: 5,
    name: 'article title search index',
    // Search ranks a bounded set of candidates; articles whose title matches are always among them.
    sql: `
create index articles_title_search on articles using gin (to_tsvector('english', title));
`,
  },
  {
    version: 6,
    name: 'search reads angle brackets as punctuation',
    // kb/searchable.ts: the parser skipped every word after a "<script>" in an article. The vectors
    // are made again the way saveArticle now makes them.
    sql: `
drop index articles_title_search;
create index articles_title_search on articles using gin (to_tsvector('english', translate(title, '<>', '‹›')));
update articles set search =
  setweight(to_tsvector('english', translate(title, '<>', '‹›')), 'A')
  || setweight(to_tsvector('english', translate(coalesce((select string_agg(tag, ' ') from jsonb_array_elements_text(tags) as tag), ''), '<>', '‹›')), 'B')
  || setweight(to_tsvector('english', translate(body_text, '<>', '‹›')), 'C');
update kb_passages p set search =
  setweight(to_tsvector('english', translate(coalesce(p.heading, '') || ' ' || a.title, '<>', '‹›')), 'A')
  || setweight(to_tsvector('english', translate(p.body, '<>', '‹›')), 'B')
  from articles a where a.id = p.article_id;
`,
  },
  {
    version: 7,
    name: 'attachment bytes outside the attachments row; uploads marked when sent',
    // src/attachments/blob-store.ts: new uploads keep their bytes in files (PGlite) or in
    // attachment_chunks (PostgreSQL); rows written earlier keep theirs in data and are still served.
    // Chunks are reached only through their attachment row, which carries the workspace. Uploads
    // already sent in a message or ticket are marked, so the sweep of unsent ones spares them.
    sql: `
alter table attachments alter column data drop not null;
alter table attachments add column attached_at timestamptz;
update attachments a set attached_at = a.created_at
  where exists (select 1 from messages m where m.workspace_id = a.workspace_id and m.attachments @> jsonb_build_array(jsonb_build_object('id', a.id)))
     or exists (select 1 from tickets t where t.workspace_id = a.workspace_id and t.attachments @> jsonb_build_array(jsonb_build_object('id', a.id)));
create index attachments_unattached on attachments (workspace_id, visitor_pk) where attached_at is null;
create index attachments_unattached_age on attachments (created_at) where attached_at is null;
create table attachment_chunks (
  attachment_id text not null references attachments(id) on delete cascade,
  seq integer not null,
  data bytea not null,
  primary key (attachment_id, seq)
);
alter table attachment_chunks alter column data set storage external;
`,
  },
  {
    version: 8,
    name: 'agent uploads; ticket assignee',
    // An agent's upload has an agent and no visitor until a reply carries it, so a visitor can never
    // send one, and the quota of unsent bytes counts per agent. No foreign key: files already sent
    // stay when an agent account goes.
    sql: `
alter table attachments add column agent_id text;
create index attachments_agent_unattached on attachments (workspace_id, agent_id) where attached_at is null and agent_id is not null;
alter table tickets add column assignee_id text;
alter table tickets add column assignee_name text;
`,
  },
  {
    version: 9,
    name: 'visitor live page',
    // Where the visitor is now while an open conversation shares their context: {path, title, at}.
    sql: `
alter table visitors add column live_page jsonb;
`,
  },
  {
    version: 10,
    name: 'visitor contact',
    // The email a visitor gave for replies, {email, name?, at}. Typed by the visitor and unverified, so it
    // lives apart from `email` (the host's word) and is never part of identity_key.
    sql: `
alter table visitors add column contact jsonb;
`,
  },
  {
    version: 11,
    name: 'ticket read by visitor',
    // Agent replies after it are the visitor's unread ones. Tickets from before count as read: their
    // replies are not news to anyone.
    sql: `
alter table tickets add column visitor_last_read_at timestamptz;
update tickets set visitor_last_read_at = now();
`,
  },
];

// Any constant works; it only has to be the same for every Helpline instance on one database.
const MIGRATION_LOCK = 0x48_4c_50;

/**
 * Applies pending migrations in order, all in one transaction: a failure leaves the schema as it
 * was. A transaction-scoped advisory lock makes instances that start together take turns, and the
 * later ones find nothing left to do.
 */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const rows = await tx.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}

/** Our migrations hold no semicolons inside literals or bodies, so a plain split is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
