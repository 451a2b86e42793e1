import type { ConnectionStatus, RealtimeEvent } from '@helpline/core';
import type { ChatwootAdapterOptions, WebSocketConstructor, WebSocketLike } from './options.js';
import { toRealtimeEvents } from './realtime-events.js';
import { CableFrame, CEvent } from './wire.js';

interface Subscriber {
  handler: (event: RealtimeEvent) => void;
  onStatus: ((status: ConnectionStatus) => void) | undefined;
}

export interface RealtimeDeps {
  WebSocket: WebSocketConstructor | undefined;
  random: () => number;
  /** Called on each confirmed subscription: returns what may have been missed before it. */
  resync: () => Promise<RealtimeEvent[]>;
}

/**
 * One ActionCable connection to {baseUrl}/cable shared by every subscriber: waits for "welcome",
 * subscribes to the RoomChannel with the contact's pubsub_token, treats a socket without pings as
 * dead, and reconnects with exponential backoff and full jitter.
 */
export function createRealtime(options: ChatwootAdapterOptions, deps: RealtimeDeps) {
  const url = `${options.baseUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/cable`;
  const subscribers = new Set<Subscriber>();
  let token: string | undefined;
  let socket: WebSocketLike | undefined;
  let status: ConnectionStatus = 'idle';
  let attempt = 0;
  let wasConnected = false;
  let refused = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const s of [...subscribers]) s.onStatus?.(next);
  };
  const emit = (event: RealtimeEvent) => {
    for (const s of [...subscribers]) s.handler(event);
  };

  const drop = () => {
    clearTimeout(staleTimer);
    clearTimeout(retryTimer);
    const current = socket;
    socket = undefined;
    if (current) {
      current.onclose = null;
      current.onmessage = null;
      current.onerror = null;
      current.close();
    }
  };

  const scheduleReconnect = () => {
    if (subscribers.size === 0 || !token || refused) return;
    attempt += 1;
    const ceiling = Math.min(options.reconnect.maxMs, options.reconnect.baseMs * 2 ** Math.min(attempt - 1, 10));
    setStatus(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting');
    retryTimer = setTimeout(open, Math.round(deps.random() * ceiling));
  };

  const armStale = (ws: WebSocketLike) => {
    clearTimeout(staleTimer);
    staleTimer = setTimeout(() => {
      if (socket !== ws) return;
      drop();
      scheduleReconnect();
    }, options.staleAfterMs);
  };

  function open() {
    if (socket || !token || subscribers.size === 0 || refused) return;
    if (!deps.WebSocket) {
      setStatus('offline');
      return;
    }
    setStatus(wasConnected || attempt > 0 ? 'reconnecting' : 'connecting');
    const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: token });
    let ws: WebSocketLike;
    try {
      ws = new deps.WebSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    // Covers a handshake that never completes as well as a socket that stops pinging.
    armStale(ws);
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      let frame: ReturnType<typeof CableFrame.parse>;
      try {
        frame = CableFrame.parse(JSON.parse(String(event.data)));
      } catch {
        return;
      }
      onFrame(ws, identifier, frame);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      drop();
      scheduleReconnect();
    };
    ws.onerror = () => ws.close();
  }

  function onFrame(ws: WebSocketLike, identifier: string, frame: ReturnType<typeof CableFrame.parse>) {
    switch (frame.type) {
      case 'welcome':
        armStale(ws);
        ws.send(JSON.stringify({ command: 'subscribe', identifier }));
        return;
      case 'ping':
        armStale(ws);
        return;
      case 'confirm_subscription': {
        const reconnected = wasConnected;
        attempt = 0;
        wasConnected = true;
        setStatus('connected');
        void replay(reconnected);
        return;
      }
      case 'reject_subscription':
      case 'disconnect':
        // A rejected pubsub token or a server-side "reconnect: false" will not get better by retrying.
        if (frame.type === 'disconnect' && frame.reconnect !== false) return;
        refused = true;
        drop();
        setStatus('offline');
        return;
      default:
        if (frame.identifier !== identifier || frame.message === undefined) return;
        try {
          const { event, data } = CEvent.parse(frame.message);
          for (const mapped of toRealtimeEvents(event, data)) emit(mapped);
        } catch (error) {
          console.error('Helpline: ignored a malformed Chatwoot realtime event', error);
        }
    }
  }

  /**
   * Anything sent between subscribe() and the subscription's confirmation, or while the socket was
   * down, is reloaded and replayed (the widget de-duplicates by id); after a reconnect `resync`
   * follows so lists are refreshed too.
   */
  async function replay(reconnected: boolean) {
    try {
      for (const event of await deps.resync()) emit(event);
    } catch {
      // Reloading failed: after a reconnect the resync event below still makes the widget reload.
    }
    if (reconnected) emit({ type: 'resync' });
  }

  return {
    setToken(next: string | undefined) {
      if (next === token && !refused) return;
      token = next;
      refused = false;
      drop();
      wasConnected = false;
      attempt = 0;
      if (token) open();
      else setStatus('idle');
    },
    subscribe(handler: Subscriber['handler'], onStatus?: Subscriber['onStatus']) {
      const subscriber = { handler, onStatus };
      subscribers.add(subscriber);
      onStatus?.(status);
      open();
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size > 0) return;
        drop();
        wasConnected = false;
        attempt = 0;
        status = 'idle';
      };
    },
  };
}
