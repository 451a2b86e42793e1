// Table cells break only a word that cannot fit on its own (break-word, not the body's anywhere), so
// a wide table keeps whole words and scrolls sideways in its .hl-article__table (side-scrollers.ts).
export default `
.hl-article { display: flex; flex-direction: column; gap: 16px; }
.hl-article__title { margin: 0; font-size: 20px; line-height: 1.3; overflow-wrap: anywhere; }
.hl-article__title:focus { outline: none; }
.hl-article__title:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-article__body { overflow-wrap: anywhere; }
.hl-article__body > :first-child { margin-top: 0; }
.hl-article__body h4 { font-size: 17px; margin: 20px 0 8px; }
.hl-article__body h5, .hl-article__body h6 { font-size: 15px; margin: 16px 0 6px; }
.hl-article__body p, .hl-article__body ul, .hl-article__body ol { margin: 0 0 12px; }
.hl-article__body a { color: var(--hl-fg); text-decoration: underline; text-decoration-color: var(--hl-brand); text-underline-offset: 2px; }
.hl-article__body a:focus-visible, .hl-article__body [tabindex]:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-article__body img { max-width: 100%; height: auto; border-radius: 6px; }
.hl-article__body pre { overflow-x: auto; padding: 10px; background: var(--hl-surface); border-radius: 6px; }
.hl-article__body code, .hl-article__body kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
.hl-article__table { overflow-x: auto; }
.hl-article__body table { border-collapse: collapse; width: 100%; }
.hl-article__body th, .hl-article__body td { border: 1px solid var(--hl-border); padding: 6px 8px; text-align: start; overflow-wrap: break-word; }
.hl-article__body blockquote { margin: 0 0 12px; padding-inline-start: 12px; border-inline-start: 3px solid var(--hl-border); color: var(--hl-muted); }
.hl-vote { display: flex; flex-direction: column; gap: 8px; padding-top: 16px; border-top: 1px solid var(--hl-border); }
.hl-vote__question { margin: 0; font-weight: 600; }
.hl-vote__buttons { display: flex; gap: 8px; }
.hl-vote__thanks { display: flex; gap: 8px; align-items: center; margin: 0; color: var(--hl-success); font-weight: 600; }
.hl-article__related { display: flex; flex-direction: column; gap: 8px; }
.hl-article__related h3 { margin: 0; font-size: 13px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.02em; color: var(--hl-muted); }
`;
