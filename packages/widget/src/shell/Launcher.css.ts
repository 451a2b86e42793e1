export default `
.hl-launcher {
  position: fixed; z-index: var(--hl-z);
  bottom: calc(var(--hl-offset-y) + env(safe-area-inset-bottom, 0px));
  display: inline-flex; align-items: center; justify-content: center;
  width: 56px; height: 56px; padding: 0; border: 0; border-radius: 50%;
  background: var(--hl-brand); color: var(--hl-brand-fg); box-shadow: var(--hl-shadow);
  cursor: pointer; font: inherit;
  transition: transform 120ms ease-out;
}
:host(.hl-pos-right) .hl-launcher { right: calc(var(--hl-offset-x) + env(safe-area-inset-right, 0px)); }
:host(.hl-pos-left) .hl-launcher { left: calc(var(--hl-offset-x) + env(safe-area-inset-left, 0px)); }
.hl-launcher:hover { transform: scale(1.05); }
.hl-launcher:focus-visible { outline: 3px solid var(--hl-focus); outline-offset: 3px; }
.hl-launcher .hl-icon { width: 26px; height: 26px; }
.hl-launcher__badge {
  position: absolute; top: -4px; inset-inline-end: -4px; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 11px; background: var(--hl-danger); color: #fff; border: 2px solid var(--hl-bg);
  font-size: 12px; font-weight: 700; line-height: 18px; text-align: center;
}
@media (prefers-reduced-motion: reduce) { .hl-launcher { transition: none; } .hl-launcher:hover { transform: none; } }
`;
