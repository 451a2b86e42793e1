// Where the bytes of one built file come from, by package, read from its source map. Each group's
// share is its minified code gzipped alone, so the shares add up to a little more than the file.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** @param {string} segment */
function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** @param {string} source a path from the source map */
export function groupOf(source) {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (dependency) {
    const name = dependency[1];
    return name.startsWith('@preact/') || name === 'preact' ? 'preact + signals' : name;
  }
  // Paths are relative to the built package (packages/loader): ../../core/src/…, or ../src/… for its own.
  const own = /(?:^|\/)([a-z][\w-]*)\/src\//.exec(source);
  if (own) return `@helpline/${own[1]}`;
  return source.startsWith('../src/') ? '@helpline/loader' : 'other';
}

/** @param {string} file a built .js file with a .map beside it */
export function breakdown(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  /** @type {Map<string, string[]>} */
  const parts = new Map();
  let source = 0;
  map.mappings.split(';').forEach((mapped, index) => {
    const line = lines[index] ?? '';
    let column = 0;
    const points = [];
    for (const segment of mapped ? mapped.split(',') : []) {
      const values = decodeVlq(segment);
      column += values[0];
      if (values.length > 1) source += values[1];
      points.push([column, values.length > 1 ? source : -1]);
    }
    points.forEach(([start, src], i) => {
      const group = src >= 0 ? groupOf(map.sources[src]) : 'other';
      const end = points[i + 1]?.[0] ?? line.length;
      parts.set(group, [...(parts.get(group) ?? []), line.slice(start, end)]);
    });
  });
  return [...parts]
    .map(([group, pieces]) => ({ group, gzip: gzipSync(pieces.join('')).length }))
    .sort((a, b) => b.gzip - a.gzip);
}
