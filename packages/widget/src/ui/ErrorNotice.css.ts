export default `
.hl-error {
  display: flex; flex-direction: column; align-items: flex-start; gap: 10px; margin: 12px 0; padding: 12px 14px;
  border: 1px solid color-mix(in srgb, var(--hl-danger) 45%, transparent);
  background: color-mix(in srgb, var(--hl-danger) 9%, var(--hl-surface));
  border-radius: calc(var(--hl-radius) * 0.67); color: var(--hl-fg);
}
.hl-error__message { display: flex; gap: 8px; align-items: flex-start; margin: 0; }
.hl-error__message .hl-icon { color: var(--hl-danger); flex: none; }
`;
