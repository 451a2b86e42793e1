// Grid and flex items are at least as wide as their content unless told otherwise: without
// min-width: 0 on each level, a long file name widens the form past the panel instead of ellipsing.
export default `
.hl-tray { display: grid; gap: 4px; padding-inline: 12px; min-width: 0; }
.hl-tray__list { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; min-width: 0; }
.hl-tray__item { min-width: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; font-size: 13px; }
.hl-tray__item > span { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.hl-tray__error { color: var(--hl-danger); font-size: 13px; margin: 0; flex-basis: 100%; }
.hl-tray__status { font-size: 13px; margin: 0; }
.hl-visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
`;
