import {
  type Availability,
  parseResponse,
  type RealtimeEvent,
  RealtimeEvent as RealtimeEventSchema,
} from '@helpline/core';
import { conversationStatus, toMessage } from './map.js';
import { CMessage, CPresence, CStatusChanged, CTyping } from './wire.js';

/** Maps one Chatwoot RoomChannel event to Helpline realtime events (none for events the widget ignores). */
export function toRealtimeEvents(event: string, data: unknown): RealtimeEvent[] {
  const events = mapEvent(event, data);
  return events.map((e) => parseResponse(RealtimeEventSchema, e, `Chatwoot ${event} event`));
}

function mapEvent(event: string, data: unknown): unknown[] {
  switch (event) {
    case 'message.created': {
      const message = parseResponse(CMessage, data, 'Chatwoot message.created event');
      // Private notes never reach contacts; activity lines ("resolved by …") arrive as status events.
      if (message.private || message.message_type === 2) return [];
      return [{ type: 'message', message: toMessage(message) }];
    }
    case 'conversation.typing_on':
    case 'conversation.typing_off': {
      const typing = parseResponse(CTyping, data, `Chatwoot ${event} event`);
      if (typing.is_private || typing.user?.type === 'contact') return [];
      const name = typing.user?.name ?? undefined;
      return [
        {
          type: 'typing',
          conversationId: String(typing.conversation.id),
          author: {
            type: 'agent',
            ...(typing.user?.id === undefined ? {} : { id: String(typing.user.id) }),
            ...(name ? { name } : {}),
          },
          typing: event === 'conversation.typing_on',
        },
      ];
    }
    case 'conversation.status_changed': {
      const changed = parseResponse(CStatusChanged, data, 'Chatwoot conversation.status_changed event');
      return [{ type: 'status', conversationId: String(changed.id), status: conversationStatus(changed.status) }];
    }
    case 'presence.update': {
      const { users } = parseResponse(CPresence, data, 'Chatwoot presence.update event');
      const states = Object.values(users);
      const online = states.filter((s) => s === 'online').length;
      const busy = states.filter((s) => s === 'busy').length;
      const availability: Availability = {
        status: online > 0 ? 'online' : busy > 0 ? 'away' : 'offline',
        agentsOnline: online + busy,
      };
      return [{ type: 'presence', availability }];
    }
    default:
      return [];
  }
}
