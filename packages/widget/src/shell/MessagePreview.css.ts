export default `
.hl-preview {
  position: fixed; z-index: var(--hl-z); bottom: calc(var(--hl-offset-y) + 68px + env(safe-area-inset-bottom, 0px));
  display: flex; align-items: flex-start; max-width: min(320px, calc(100vw - 2 * var(--hl-offset-x)));
  padding: 4px; border: 1px solid var(--hl-border); border-radius: var(--hl-radius);
  background: var(--hl-bg); box-shadow: var(--hl-shadow); animation: hl-rise 160ms ease-out;
}
:host(.hl-pos-right) .hl-preview { right: calc(var(--hl-offset-x) + env(safe-area-inset-right, 0px)); }
:host(.hl-pos-left) .hl-preview { left: calc(var(--hl-offset-x) + env(safe-area-inset-left, 0px)); }
.hl-preview__open {
  display: grid; gap: 2px; min-width: 0; padding: 8px 10px; border: 0; border-radius: inherit;
  background: none; color: inherit; font: inherit; text-align: start; cursor: pointer;
}
.hl-preview__open:hover { background: var(--hl-surface); }
.hl-preview__open:focus-visible { outline: 3px solid var(--hl-focus); }
.hl-preview__from { font-size: 13px; font-weight: 600; color: var(--hl-muted); }
.hl-preview__text { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; overflow-wrap: anywhere; }
@keyframes hl-rise { from { opacity: 0; transform: translateY(8px); } }
@media (prefers-reduced-motion: reduce) { .hl-preview { animation: none; } }
`;
