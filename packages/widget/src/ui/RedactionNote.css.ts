export default `
.hl-redaction__note { margin: 4px 0 0; font-size: 13px; color: var(--hl-muted); }
`;
