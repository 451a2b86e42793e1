export default `
.hl-redaction__note { margin: 0; padding-inline: 12px; font-size: 13px; color: var(--hl-muted); }
`;
