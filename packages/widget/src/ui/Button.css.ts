export default `
.hl-button {
  display: inline-flex; align-items: center; justify-content: center; gap: 8px;
  min-height: 40px; padding: 8px 16px; border-radius: calc(var(--hl-radius) * 0.67);
  border: 1px solid transparent; font: inherit; font-weight: 600; cursor: pointer;
  text-decoration: none; line-height: 1.2;
}
.hl-button:focus-visible, .hl-icon-button:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-button[disabled], .hl-button[aria-disabled="true"] { opacity: 0.6; cursor: not-allowed; }
.hl-button--primary { background: var(--hl-brand); color: var(--hl-brand-fg); }
.hl-button--primary:hover:not([disabled]) { filter: brightness(1.08); }
.hl-button--secondary { background: var(--hl-surface); color: var(--hl-fg); border-color: var(--hl-border); }
.hl-button--secondary:hover:not([disabled]) { border-color: var(--hl-brand); }
.hl-button--block { display: flex; width: 100%; justify-content: flex-start; }
.hl-icon-button {
  display: inline-flex; align-items: center; justify-content: center; width: 36px; height: 36px;
  padding: 0; border: 0; border-radius: 50%; background: transparent; color: inherit; cursor: pointer;
}
.hl-icon-button:hover { background: color-mix(in srgb, currentColor 14%, transparent); }
[dir="rtl"] .hl-flip-rtl { transform: scaleX(-1); }
`;
