export default `
.hl-view { flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain; padding: 16px; animation: hl-view-in 180ms ease-out; }
.hl-boundary { display: contents; }
@keyframes hl-view-in { from { opacity: 0; transform: translateY(6px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .hl-view { animation: none; } }
`;
