import type { EscalationPayload } from './payload.js';

/** A Slack incoming-webhook message (Block Kit) for the payload. */
export function toSlackMessage(payload: EscalationPayload): { text: string; blocks: unknown[] } {
  const who = [
    payload.customer.account?.name,
    payload.customer.account?.plan && `plan ${payload.customer.account.plan}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const title = `${payload.type === 'p0_ticket' ? ':rotating_light: P0' : ':arrow_up: Escalation'}${payload.severity ? ` ${payload.severity}` : ''}: ${escapeSlack(payload.summary)}`;
  const list = (items: string[]) =>
    items.length
      ? items
          .slice(0, 10)
          .map((item) => `• ${item}`)
          .join('\n')
      : '_none_';
  return {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Customer*\n${escapeSlack(who || 'unknown')}` },
          { type: 'mrkdwn', text: `*Page*\n${escapeSlack(payload.page?.url ?? 'n/a')}` },
        ],
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*Failed requests*\n${escapeSlack(list(payload.failedRequests.map((r) => `${r.method} ${r.url} → ${r.status}`)))}`,
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*Console errors*\n${escapeSlack(list(payload.consoleErrors))}` },
      },
      ...(payload.source.url
        ? [{ type: 'section', text: { type: 'mrkdwn', text: `<${payload.source.url}|Open in the inbox>` } }]
        : []),
    ],
  };
}

// Slack treats <, > and & as control characters in mrkdwn; customer text must not form links or mentions.
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
