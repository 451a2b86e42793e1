import { highlightSegments } from './highlight-segments.js';

/** Text with matches wrapped in <mark>; both are text nodes, so a snippet can never inject markup. */
export function Highlighted({
  text,
  highlights,
}: {
  text: string;
  highlights: ReadonlyArray<readonly [number, number]>;
}) {
  return (
    <>
      {highlightSegments(text, highlights).map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
