import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { PNG } from './security-world.js';
import { hmac, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const MARK = 'gdpr-marker-7f3a';

/** A verified visitor who used every feature, leaving a unique marker everywhere they could. */
async function busyVisitor(userId: string) {
  const client = new WidgetClient(server.url);
  await client.session({
    visitorId: `visitor-${userId}`,
    user: { id: userId, name: `${MARK} name`, email: `${userId}@example.com` },
    verification: { userHash: hmac(userId) },
  });
  const upload = await client.call('POST', '/v1/attachments', PNG, {
    'Content-Type': 'image/png',
    'X-Filename': `${MARK}.png`,
  });
  const conversation = await client.call('POST', '/v1/conversations', {
    body: `${MARK} chat`,
    attachmentIds: [upload.body.id],
    idempotencyKey: key(),
    context: {
      capturedAt: new Date().toISOString(),
      page: { url: `https://app.example.com/${MARK}`, path: `/${MARK}`, title: MARK },
    },
  });
  expect(conversation.status).toBe(201);
  const id = conversation.body.conversation.id;
  await client.call('POST', `/v1/conversations/${id}/messages`, {
    body: `${MARK} again`,
    attachmentIds: [],
    idempotencyKey: key(),
  });
  await client.call('POST', `/v1/conversations/${id}/csat`, {
    score: 4,
    comment: `${MARK} csat`,
    idempotencyKey: key(),
  });
  await client.call('POST', `/v1/conversations/${id}/read`);
  const ticket = await client.call('POST', '/v1/tickets', {
    subject: `${MARK} ticket`,
    description: `${MARK} description`,
    severity: 'P2',
    category: 'bug',
    fields: { affected_area: 'other' },
    attachmentIds: [],
    idempotencyKey: key(),
  });
  expect(ticket.status).toBe(201);
  await client.call('POST', `/v1/tickets/${ticket.body.id}/replies`, {
    body: `${MARK} reply`,
    attachmentIds: [],
    idempotencyKey: key(),
  });
  const article =
    (await client.call('GET', `/v1/kb/search?q=${MARK}%20refund`)).body[0] ??
    (await client.call('GET', '/v1/kb/search?q=refund')).body[0];
  await client.call('GET', `/v1/kb/articles/${article.id}`);
  await client.call('POST', `/v1/kb/articles/${article.id}/vote`, { helpful: false });
  await client.call('POST', '/v1/answers', { question: `${MARK} how to refund`, path: `/${MARK}` });
  await client.call('POST', '/v1/analytics', { type: 'search', query: `${MARK} query`, path: `/${MARK}` });
  const [row] = await server.db.query<{ id: string }>('select visitor_pk as id from conversations where id = $1', [id]);
  return {
    client,
    visitorPk: row?.id ?? '',
    userId,
    conversationId: id,
    ticketId: ticket.body.id,
    articleId: article.id,
  };
}

/** Every row of every table in the public schema that mentions any of `needles`. */
async function rowsMentioning(needles: string[]): Promise<string[]> {
  const tables = await server.db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const found: string[] = [];
  for (const { table_name } of tables) {
    for (const row of await server.db.query(`select * from "${table_name}"`)) {
      const text = JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
      for (const needle of needles) if (text.includes(needle)) found.push(`${table_name}: ${needle}`);
    }
  }
  return found;
}

describe('GDPR export and erasure', () => {
  it('exports everything stored about the visitor', async () => {
    const v = await busyVisitor('gdpr-export-user');
    const res = await v.client.call('GET', '/v1/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toMatch(/attachment/);
    const data = res.body;
    expect(data.visitor).toMatchObject({ userId: v.userId, email: `${v.userId}@example.com`, verified: true });
    expect(data.conversations).toHaveLength(1);
    const conversation = data.conversations[0];
    expect(conversation.messages.map((m: { body: string }) => m.body)).toEqual([`${MARK} chat`, `${MARK} again`]);
    expect(conversation.messages[0].attachments[0].name).toBe(`${MARK}.png`);
    expect(conversation.csat).toEqual({ score: 4, comment: `${MARK} csat` });
    expect(conversation.context.page.path).toBe(`/${MARK}`);
    expect(data.tickets[0]).toMatchObject({ subject: `${MARK} ticket`, description: `${MARK} description` });
    expect(data.tickets[0].messages.map((m: { body: string }) => m.body)).toContain(`${MARK} reply`);
    expect(data.articleVotes).toEqual([expect.objectContaining({ articleId: v.articleId, helpful: false })]);
    expect(data.activity.map((a: { type: string }) => a.type)).toEqual(
      expect.arrayContaining(['article_viewed', 'search']),
    );
    // The export holds no other visitor's data.
    const other = await busyVisitor('gdpr-other-user');
    expect(JSON.stringify(data)).not.toContain(other.visitorPk);
    expect(JSON.stringify(data)).not.toContain(other.userId);
  });

  it('erases every row about the visitor from every table, and only theirs', async () => {
    const v = await busyVisitor('gdpr-erase-user');
    const keep = await busyVisitor('gdpr-keep-user');
    const needles = [v.visitorPk, v.userId, v.conversationId, v.ticketId];
    expect((await rowsMentioning(needles)).length).toBeGreaterThan(5);
    expect((await v.client.call('DELETE', '/v1/me')).status).toBe(204);
    expect(await rowsMentioning(needles)).toEqual([]);
    // Rows that name the erased visitor's marker text can only belong to the kept visitor.
    expect((await rowsMentioning([keep.visitorPk, keep.conversationId, keep.ticketId])).length).toBeGreaterThan(5);
    expect((await keep.client.call('GET', '/v1/me/export')).body.conversations).toHaveLength(1);
  });
});
