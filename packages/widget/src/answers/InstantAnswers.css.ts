// Passages are plain text with a line per paragraph, list item or table cell: the lines are kept, and
// a long passage is cut after six (Read article has the rest).
export default `
.hl-answers { border: 1px solid var(--hl-border); border-radius: var(--hl-radius); background: var(--hl-surface); padding: 8px 12px; margin-block: 8px; }
.hl-answers__title { font-size: 13px; margin: 0 0 4px; color: var(--hl-muted); }
.hl-answers__list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.hl-answers__article { font-weight: 600; margin: 0; }
.hl-answers__heading { margin: 0; color: var(--hl-muted); font-size: 13px; }
.hl-answers__text { margin-block: 4px; white-space: pre-line; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 6; overflow: hidden; }
.hl-answers__actions { display: flex; flex-wrap: wrap; gap: 8px; margin-block-start: 8px; }
.hl-answers__thanks { color: var(--hl-success); }
.hl-link-button { background: none; border: 0; padding: 0; color: var(--hl-fg); text-decoration: underline; cursor: pointer; font: inherit; }
.hl-link-button:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
`;
