// One set of dark tokens, for the dark theme and for auto when the system prefers dark.
const DARK = `
  --hl-bg: #16181d;
  --hl-surface: #20232a;
  --hl-fg: #f3f4f6;
  --hl-muted: #a8b0bd;
  --hl-border: #3a3f4a;
  --hl-danger: #f97066;
  --hl-success: #47cd89;
  --hl-warning: #fdb022;
  --hl-focus: #84adff;
  --hl-shadow: 0 12px 40px rgb(0 0 0 / 0.5), 0 2px 8px rgb(0 0 0 / 0.3);
  color-scheme: dark;
`;

// Theme tokens live on :host so a host page can override any of them from outside
// (`helpline-widget { --hl-brand: … }`), while `all: initial` keeps its other CSS out.
export default `
:host {
  all: initial;
  --hl-brand: #4f46e5;
  --hl-brand-fg: #ffffff;
  --hl-bg: #ffffff;
  --hl-surface: #f6f7f9;
  --hl-fg: #111827;
  --hl-muted: #4b5563;
  --hl-border: #d5d9e0;
  --hl-danger: #b42318;
  --hl-success: #067647;
  --hl-warning: #b54708;
  --hl-focus: #2563eb;
  --hl-radius: 12px;
  --hl-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --hl-shadow: 0 12px 40px rgb(16 24 40 / 0.18), 0 2px 8px rgb(16 24 40 / 0.08);
  color-scheme: light;
}
:host(.hl-theme-dark) {${DARK}}
@media (prefers-color-scheme: dark) {
  :host(.hl-theme-auto) {${DARK}}
}
.hl-root {
  font-family: var(--hl-font);
  font-size: 15px;
  line-height: 1.5;
  color: var(--hl-fg);
  -webkit-font-smoothing: antialiased;
}
.hl-root *, .hl-root *::before, .hl-root *::after { box-sizing: border-box; }
.hl-visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;
