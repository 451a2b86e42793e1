export default `
.hl-empty { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 24px 8px; text-align: center; }
.hl-empty__icon { color: var(--hl-muted); }
.hl-empty__title { margin: 0; font-weight: 600; }
.hl-empty__hint { margin: 0; color: var(--hl-muted); }
.hl-empty__actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: center; margin-top: 8px; }
`;
