import { markdownToText } from './markdown.js';

export interface PassageSource {
  heading: string | undefined;
  text: string;
}

/** An article cut at its `## ` headings: each section answers one question on its own. */
export function splitPassages(markdown: string): PassageSource[] {
  const sections: { heading: string | undefined; lines: string[] }[] = [{ heading: undefined, lines: [] }];
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ heading: heading[1], lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections
    .map((section) => ({ heading: section.heading, text: markdownToText(section.lines.join('\n')) }))
    .filter((section) => section.text.length > 0);
}
