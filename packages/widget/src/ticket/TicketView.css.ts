export default `
.hl-ticket { display: grid; gap: 12px; padding: 12px; }
.hl-form__field { display: grid; gap: 4px; }
.hl-form__field label { font-weight: 600; font-size: 14px; }
.hl-form__field input:not([type=checkbox]):not([type=radio]), .hl-form__field textarea, .hl-form__field select {
  font: inherit; font-size: 16px; padding: 8px; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); background: var(--hl-bg); color: var(--hl-fg); }
.hl-ticket input:focus-visible, .hl-ticket textarea:focus-visible, .hl-ticket select:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 1px; }
.hl-ticket [aria-invalid=true] { border-color: var(--hl-danger); }
.hl-form__required, .hl-form__error { color: var(--hl-danger); }
.hl-form__error, .hl-form__help { font-size: 13px; margin: 0; }
.hl-form__help { color: var(--hl-muted); }
.hl-form__check { display: inline-flex; gap: 6px; align-items: center; font-weight: normal; }
.hl-severity { border: 0; margin: 0; padding: 0; display: grid; gap: 6px; }
.hl-severity legend { font-weight: 600; font-size: 14px; margin-block-end: 4px; }
.hl-severity__card { display: flex; gap: 8px; align-items: flex-start; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); padding: 8px; cursor: pointer; }
.hl-severity__card:has(input:checked) { border-color: var(--hl-brand); background: var(--hl-surface); }
.hl-severity__card:has(input:focus-visible) { outline: 2px solid var(--hl-focus); }
.hl-severity__text { display: grid; }
.hl-severity__label { font-weight: 600; }
.hl-severity__sla { font-size: 13px; color: var(--hl-muted); }
.hl-ticket__attach { display: flex; gap: 8px; align-items: flex-start; flex-wrap: wrap; }
.hl-ticket__status:not(:empty) { margin-block-end: 8px; }
.hl-ticket__sent { padding: 16px; text-align: center; }
.hl-diag { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; font-size: 14px; }
.hl-diag__check { display: inline-flex; gap: 6px; align-items: center; }
.hl-diag .hl-ctx { flex-basis: 100%; }
.hl-visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.hl-link-button { background: none; border: 0; padding: 0; color: var(--hl-fg); text-decoration: underline; cursor: pointer; font: inherit; }
.hl-link-button:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
`;
