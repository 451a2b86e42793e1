/** Below this width the panel fills the screen; fit-visual-viewport listens only then. */
export const PHONE_LAYOUT = '(max-width: 639.98px)';

export default `
.hl-panel {
  position: fixed; z-index: var(--hl-z); inset: auto; margin: 0; padding: 0;
  bottom: calc(var(--hl-offset-y) + 56px + 16px + env(safe-area-inset-bottom, 0px));
  width: 380px; max-width: calc(100vw - 2 * var(--hl-offset-x));
  height: 640px; max-height: calc(100vh - var(--hl-offset-y) - 56px - 40px);
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--hl-bg); color: var(--hl-fg); border: 1px solid var(--hl-border);
  border-radius: var(--hl-radius); box-shadow: var(--hl-shadow);
  font-family: var(--hl-font); font-size: 15px; line-height: 1.5;
  animation: hl-panel-in 180ms ease-out;
}
:host(.hl-launcher-hidden) .hl-panel { bottom: calc(var(--hl-offset-y) + env(safe-area-inset-bottom, 0px)); max-height: calc(100vh - 2 * var(--hl-offset-y)); }
:host(.hl-pos-right) .hl-panel { right: var(--hl-offset-x); }
:host(.hl-pos-left) .hl-panel { left: var(--hl-offset-x); }
.hl-panel::backdrop { display: none; }
.hl-panel__header {
  display: flex; align-items: center; gap: 4px; min-height: 56px; padding: 8px 8px 8px 12px;
  background: var(--hl-brand); color: var(--hl-brand-fg); flex: none;
}
.hl-panel__title { flex: 1; margin: 0; padding: 0 4px; font-size: 17px; font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.hl-panel__title:focus { outline: none; }
.hl-panel__title:focus-visible { outline: 2px solid var(--hl-brand-fg); outline-offset: 2px; }
.hl-panel [data-refocus]:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-panel__header .hl-icon-button:focus-visible { outline-color: var(--hl-brand-fg); }
@keyframes hl-panel-in { from { opacity: 0; transform: translateY(12px) scale(0.98); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .hl-panel { animation: none; } }
@media ${PHONE_LAYOUT} {
  .hl-panel, :host(.hl-launcher-hidden) .hl-panel {
    border: 0; border-radius: 0;
    /* The visual viewport (fit-visual-viewport.ts), what an on-screen keyboard leaves of the screen.
       Else the screen's size, not the layout viewport's: a host page wider than the phone stretches that. */
    inset: var(--hl-vv-offsetTop, 0) auto auto var(--hl-vv-offsetLeft, 0);
    width: var(--hl-vv-width, 100dvw); height: var(--hl-vv-height, 100dvh); max-width: 100%; max-height: 100%;
    padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px) env(safe-area-inset-left, 0px);
  }
  .hl-panel input, .hl-panel textarea, .hl-panel select { font-size: 16px; }
}
`;
