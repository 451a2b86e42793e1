import { agentReply, agentTyping } from './agent-actions.js';
import type { Runtime } from './runtime.js';

/** Runs the scripted agent on a visitor message: typing at once, the reply `replyDelayMs` later. */
export function scheduleAutoReply(
  runtime: Runtime,
  reply: (text: string) => string | null,
  conversationId: string,
  text: string,
): void {
  let answer: string | null;
  try {
    answer = reply(text);
  } catch (error) {
    console.error('[helpline] memory adapter autoReply threw', error);
    return;
  }
  if (answer === null || answer === '') return;
  agentTyping(runtime, conversationId, true);
  runtime.later(runtime.options.replyDelayMs, () => {
    if (runtime.conversations.has(conversationId)) agentReply(runtime, conversationId, answer);
  });
}
