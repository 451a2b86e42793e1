export default `
.hl-view { flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain; padding: 16px; animation: hl-view-in 180ms ease-out; }
.hl-boundary { display: contents; }
@keyframes hl-view-in { from { transform: translateY(6px); } to { transform: none; } }
@media (prefers-reduced-motion: reduce) { .hl-view { animation: none; } }
`;
