import type { RunningServer } from '../src/index.js';
import type { AgentClient } from './agent-client.js';
import { SseClient } from './sse-client.js';
import { key, type WidgetClient } from './test-server.js';

export const visitorStream = (server: RunningServer, client: WidgetClient, query = ''): Promise<SseClient> =>
  SseClient.open(`${server.url}/v1/events?token=${client.token}${query}`);

export const agentStream = (server: RunningServer, agent: AgentClient): Promise<SseClient> =>
  SseClient.open(`${server.url}/agent/api/events`, { Cookie: agent.cookie });

/** Starts a conversation as this visitor; returns its id. */
export async function startConversation(client: WidgetClient, body = 'hello'): Promise<string> {
  const started = await client.call('POST', '/v1/conversations', { body, attachmentIds: [], idempotencyKey: key() });
  if (started.status !== 201) throw new Error(`starting a conversation failed: ${JSON.stringify(started.body)}`);
  return started.body.conversation.id;
}

/** Posts an agent reply and resolves once `stream` has received it. */
export async function replyReaches(agent: AgentClient, conversationId: string, body: string, stream: SseClient) {
  const sent = await agent.call('POST', `/conversations/${conversationId}/messages`, { body });
  if (sent.status !== 201) throw new Error(`agent reply failed: ${JSON.stringify(sent.body)}`);
  return stream.nextWhere((data) => data.type === 'message' && data.message.body === body);
}
