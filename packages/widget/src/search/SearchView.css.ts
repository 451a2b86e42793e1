export default `
.hl-search { display: flex; flex-direction: column; gap: 12px; }
.hl-search__status { margin: 0; color: var(--hl-muted); font-size: 14px; }
`;
