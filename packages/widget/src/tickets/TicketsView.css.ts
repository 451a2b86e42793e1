export default `
.hl-tickets { padding: 12px; overflow-wrap: anywhere; }
.hl-tickets__list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; }
.hl-tickets__item { display: grid; gap: 4px; inline-size: 100%; text-align: start; padding: 10px 12px; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); background: var(--hl-bg); color: var(--hl-fg); font: inherit; cursor: pointer; }
.hl-tickets__item:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-tickets__subject { font-weight: 600; }
.hl-tickets__unread { justify-self: start; background: var(--hl-brand); color: var(--hl-brand-fg); border-radius: 999px; padding-inline: 8px; font-size: 12px; }
.hl-tickets__meta, .hl-tickets__ref { font-size: 13px; color: var(--hl-muted); }
.hl-badge {
  display: inline-block; padding-inline: 6px; border-radius: 999px; font-size: 12px; color: var(--hl-fg);
  border: 1px solid var(--hl-badge); background: color-mix(in srgb, var(--hl-badge) 14%, var(--hl-bg));
}
/* The status colour tints the badge; its text stays the body colour, which contrasts with any brand. */
.hl-badge--new, .hl-badge--open { --hl-badge: var(--hl-brand); }
.hl-badge--pending { --hl-badge: var(--hl-warning); }
.hl-badge--solved, .hl-badge--closed { --hl-badge: var(--hl-success); }
.hl-thread { padding: 12px; display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; overflow-wrap: anywhere; }
.hl-thread header .hl-msg__body { margin: 0; white-space: pre-wrap; }
.hl-thread__list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; }
.hl-thread__msg { border: 1px solid var(--hl-border); border-radius: var(--hl-radius); padding: 8px 12px; }
.hl-thread__msg .hl-msg__body { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.hl-thread__author { font-size: 12px; color: var(--hl-muted); margin: 0 0 4px; }
.hl-thread__reply { display: grid; gap: 6px; }
.hl-thread__solve { display: grid; justify-items: start; gap: 6px; }
.hl-thread__solved { margin: 0; color: var(--hl-success); }
.hl-thread__reply .hl-tray { padding-inline: 0; }
.hl-thread__actions { display: flex; gap: 8px; align-items: center; justify-content: space-between; }
.hl-files { list-style: none; margin: 4px 0 0; padding: 0; display: grid; gap: 2px; font-size: 14px; }
.hl-files a { color: var(--hl-fg); text-decoration: underline; }
.hl-files a:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-thread__reply textarea { font: inherit; font-size: 16px; padding: 8px; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); }
.hl-thread__reply textarea:focus-visible { outline: 2px solid var(--hl-focus); }
`;
