export default `
.hl-articles { list-style: none; margin: 0; padding: 0; border: 1px solid var(--hl-border); border-radius: calc(var(--hl-radius) * 0.67); overflow: hidden; }
.hl-articles li + li { border-top: 1px solid var(--hl-border); }
.hl-article-link {
  display: block; width: 100%; padding: 10px 14px; border: 0; background: var(--hl-bg); color: var(--hl-fg);
  font: inherit; text-align: start; cursor: pointer; overflow-wrap: anywhere;
}
.hl-article-link:hover, .hl-article-link[aria-selected="true"] { background: var(--hl-surface); }
.hl-article-link:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: -2px; }
.hl-article-link__title { display: block; font-weight: 600; }
.hl-article-link__snippet { display: block; margin-top: 2px; color: var(--hl-muted); font-size: 14px; }
.hl-article-link mark { background: color-mix(in srgb, var(--hl-warning) 28%, transparent); color: var(--hl-fg); border-radius: 2px; }
`;
