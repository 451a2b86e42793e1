import { runAdapterConformance } from '@helpline/adapter-testkit';
import { WebSocket } from 'ws';
import { createChatwootAdapter, type WebSocketConstructor } from '../src/index.js';
import { startFakeChatwoot } from './fake-chatwoot.js';

runAdapterConformance({
  name: 'chatwoot',
  async setup() {
    const chatwoot = await startFakeChatwoot();
    return {
      adapter: createChatwootAdapter(
        { baseUrl: chatwoot.origin, inboxIdentifier: chatwoot.inboxIdentifier },
        { WebSocket: WebSocket as unknown as WebSocketConstructor },
      ),
      agent: chatwoot.agent,
      cleanup: chatwoot.close,
    };
  },
});
