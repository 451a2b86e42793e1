export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` at the [start, end) highlight ranges a backend returned. Ranges are untrusted: they
 * are clamped to the text, sorted and merged, so overlapping or out-of-range offsets cannot break it.
 */
export function highlightSegments(text: string, highlights: ReadonlyArray<readonly [number, number]>): Segment[] {
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, Math.floor(start)), Math.min(text.length, Math.floor(end))] as const)
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}
