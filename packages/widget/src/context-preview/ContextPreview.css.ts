export default `
.hl-ctx { margin: 0; min-inline-size: 0; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); padding-block: 4px; padding-inline: 8px; font-size: 13px; max-block-size: 240px; overflow: auto; }
.hl-ctx__section summary { cursor: pointer; font-weight: 600; padding-block: 4px; }
.hl-ctx__section summary:focus-visible { outline: 2px solid var(--hl-focus); }
.hl-ctx ul { margin: 0; padding-inline-start: 16px; }
.hl-ctx li { overflow-wrap: anywhere; }
.hl-ctx__label { color: var(--hl-muted); }
`;
