export default `
.hl-chat { display: flex; flex-direction: column; block-size: 100%; min-block-size: 0; }
.hl-chat__banner { background: var(--hl-surface); border-block-end: 1px solid var(--hl-border); padding: 8px 12px; font-size: 13px; }
.hl-chat__banner p { margin: 0; }
.hl-chat__scroller { flex: 1; overflow-y: auto; padding: 12px; }
.hl-chat__bar { display: flex; justify-content: flex-end; padding: 6px 12px; border-block-end: 1px solid var(--hl-border); font-size: 13px; }
.hl-chat__confirm { border: 0; margin: 0; padding: 0; min-inline-size: 0; flex: 1; }
.hl-chat__confirm legend { padding: 0; margin-block-end: 6px; }
.hl-chat__actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
.hl-chat__ended { text-align: center; margin-block: 12px 0; }
.hl-chat__intro, .hl-chat__typing, .hl-chat__ended { color: var(--hl-muted); font-size: 13px; }
.hl-chat__older { display: block; margin-inline: auto; margin-block-end: 8px; }
.hl-chat__list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.hl-chat__error { color: var(--hl-danger); margin: 4px 12px; font-size: 13px; }
.hl-msg { max-inline-size: 85%; display: flex; flex-direction: column; overflow-wrap: anywhere; }
.hl-msg--mine { align-self: flex-end; align-items: flex-end; }
.hl-msg--theirs { align-self: flex-start; }
.hl-msg__meta { font-size: 12px; color: var(--hl-muted); margin: 8px 0 2px; }
.hl-msg__author { font-weight: 600; }
.hl-msg__body { margin: 0; padding: 8px 12px; border-radius: var(--hl-radius); white-space: pre-wrap; overflow-wrap: anywhere; background: var(--hl-surface); color: var(--hl-fg); }
.hl-msg--mine .hl-msg__body { background: var(--hl-brand); color: var(--hl-brand-fg); }
.hl-msg--mine .hl-msg__body a { color: inherit; }
.hl-msg--pending .hl-msg__body { outline: 1px dashed var(--hl-border); outline-offset: 2px; }
.hl-msg--failed .hl-msg__body { outline: 1px solid var(--hl-danger); }
.hl-msg__status, .hl-msg__seen { font-size: 12px; color: var(--hl-muted); margin: 2px 0 0; }
.hl-msg__failure { font-size: 12px; color: var(--hl-danger); }
.hl-msg__failure p { margin: 2px 0; }
.hl-msg__file { font-size: 13px; margin-block-start: 2px; }
.hl-composer { border-block-start: 1px solid var(--hl-border); padding-block: 8px; display: grid; gap: 6px; }
.hl-composer__row { display: flex; align-items: flex-end; gap: 6px; padding-inline: 8px; }
.hl-composer__input { flex: 1; min-inline-size: 0; overflow-wrap: anywhere; resize: none; field-sizing: content; max-block-size: 8lh; min-block-size: 1lh; font: inherit; font-size: 16px; padding: 8px; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); background: var(--hl-bg); color: var(--hl-fg); }
.hl-composer__input:focus-visible, .hl-csat input:focus-visible, .hl-csat textarea:focus-visible, .hl-diag input:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 1px; }
.hl-composer__count, .hl-composer .hl-redaction__note { margin: 0; padding-inline: 12px; font-size: 13px; color: var(--hl-muted); }
.hl-composer__count--over { color: var(--hl-danger); }
.hl-diag { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding-inline: 12px; font-size: 13px; }
.hl-diag__check { display: inline-flex; gap: 6px; align-items: center; }
.hl-diag .hl-ctx { flex-basis: 100%; }
.hl-csat { border: 1px solid var(--hl-border); border-radius: var(--hl-radius); padding: 12px; margin-block-start: 12px; display: grid; gap: 8px; }
.hl-csat fieldset { border: 0; margin: 0; padding: 0; }
.hl-csat__scores { display: flex; flex-wrap: wrap; gap: 6px; }
.hl-csat__score { display: inline-flex; gap: 4px; align-items: center; font-size: 13px; }
.hl-csat textarea { font: inherit; font-size: 16px; inline-size: 100%; box-sizing: border-box; }
.hl-csat__thanks { color: var(--hl-success); }
.hl-contact { border: 1px solid var(--hl-border); border-radius: var(--hl-radius); padding: 12px; margin-block-start: 12px; font-size: 14px; }
.hl-contact form { display: grid; gap: 6px; }
.hl-contact p { margin: 0; }
.hl-contact__title, .hl-contact label { font-weight: 600; }
.hl-contact__why { color: var(--hl-muted); font-size: 13px; }
.hl-contact input { font: inherit; font-size: 16px; padding: 8px; border: 1px solid var(--hl-border); border-radius: var(--hl-radius); background: var(--hl-bg); color: var(--hl-fg); min-inline-size: 0; }
.hl-contact input[aria-invalid=true] { border-color: var(--hl-danger); }
.hl-contact input:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 1px; }
.hl-contact__actions { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
.hl-contact .hl-chat__error { margin: 0; }
.hl-field { display: grid; gap: 4px; }
.hl-visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.hl-link-button { background: none; border: 0; padding: 0; color: var(--hl-fg); text-decoration: underline; cursor: pointer; font: inherit; }
.hl-link-button:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
`;
