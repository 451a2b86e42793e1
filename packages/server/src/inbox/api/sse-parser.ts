export interface SseMessage {
  id?: string;
  data: string;
}

/**
 * Incremental text/event-stream parser (WHATWG HTML §9.2): feed it chunks, get whole events.
 * Comments (heartbeats) are skipped; `retry:` is reported so the reader can honour it.
 */
export function createSseParser(onMessage: (message: SseMessage) => void, onRetry: (ms: number) => void) {
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;

  function line(text: string): void {
    if (text === '') {
      if (data.length > 0) onMessage({ ...(id !== undefined ? { id } : {}), data: data.join('\n') });
      data = [];
      id = undefined;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  }

  return (chunk: string): void => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    for (const text of lines) line(text);
  };
}
