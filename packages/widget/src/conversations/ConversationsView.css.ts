export default `
.hl-convs { padding: 12px; display: grid; gap: 12px; }
.hl-convs__list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.hl-convs__item { display: grid; gap: 4px; inline-size: 100%; text-align: start; padding: 10px 12px; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); background: var(--hl-bg); color: var(--hl-fg); font: inherit; cursor: pointer; }
.hl-convs__item:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-convs__top { display: flex; justify-content: space-between; font-size: 12px; color: var(--hl-muted); }
.hl-convs__preview { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.hl-convs__unread { justify-self: start; background: var(--hl-brand); color: var(--hl-brand-fg); border-radius: 999px; padding-inline: 8px; font-size: 12px; }
`;
