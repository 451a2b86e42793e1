import { htmlToText } from './html-text.js';

export interface Section {
  /** Absent for the text before the first <h2>. */
  heading?: string;
  text: string;
}

/** Splits an article at its <h2> headings: each section is one candidate passage for an answer. */
export function splitSections(html: string): Section[] {
  const sections: Section[] = [];
  const headings = [...html.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/gi)];
  const intro = htmlToText(html.slice(0, headings[0]?.index ?? html.length));
  if (intro) sections.push({ text: intro });
  headings.forEach((match, i) => {
    const bodyStart = (match.index ?? 0) + match[0].length;
    const bodyEnd = headings[i + 1]?.index ?? html.length;
    const text = htmlToText(html.slice(bodyStart, bodyEnd));
    const heading = htmlToText(match[1] ?? '');
    if (text || heading) sections.push({ ...(heading ? { heading } : {}), text });
  });
  return sections;
}
