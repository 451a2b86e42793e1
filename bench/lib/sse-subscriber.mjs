import { request } from 'node:http';

/**
 * Opens an SSE stream with node:http (no browser needed for 1,000 subscribers) and calls `onData`
 * with each event's parsed JSON data. Resolves once the response headers arrived.
 * @param {string} url @param {Record<string, string>} headers @param {(data: unknown) => void} onData
 */
export function subscribe(url, headers, onData) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE ${url} answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (data) onData(JSON.parse(data));
          end = buffer.indexOf('\n\n');
        }
      });
      res.on('error', () => {});
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
