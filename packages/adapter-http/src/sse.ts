export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Incremental text/event-stream parser (WHATWG HTML §9.2): feed it chunks, it calls `onMessage` for
 * each complete event. Comments (heartbeats) are ignored; `id` persists as the last event id; a
 * valid `retry:` goes to `onRetry` so the reader can honour it. Used by the http adapter and the
 * agent inbox.
 */
export function createSseParser(onMessage: (message: SseMessage) => void, onRetry?: (ms: number) => void) {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let lastId: string | undefined;
  /** The last chunk ended in CR: a LF opening the next one belongs to that CRLF, not a new line. */
  let skipLf = false;

  const dispatch = () => {
    if (id !== undefined) lastId = id;
    if (data.length > 0) onMessage({ id: lastId, event: event || 'message', data: data.join('\n') });
    data = [];
    event = '';
    id = undefined;
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value));
  };

  return {
    push(chunk: string) {
      buffer += skipLf && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
      skipLf = false;
      let index = buffer.search(/\r\n|\r|\n/);
      while (index !== -1) {
        const newline = buffer[index] === '\r' && buffer[index + 1] === '\n' ? 2 : 1;
        if (buffer[index] === '\r' && index === buffer.length - 1) skipLf = true;
        line(buffer.slice(0, index));
        buffer = buffer.slice(index + newline);
        index = buffer.search(/\r\n|\r|\n/);
      }
    },
    lastEventId: () => lastId,
  };
}
