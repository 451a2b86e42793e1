export default `
.hl-spinner { display: flex; align-items: center; justify-content: center; gap: 10px; padding: 16px; color: var(--hl-muted); }
.hl-spinner__ring {
  width: 18px; height: 18px; border-radius: 50%;
  border: 2px solid var(--hl-border); border-top-color: var(--hl-brand);
  animation: hl-spin 0.8s linear infinite;
}
@keyframes hl-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .hl-spinner__ring { animation-duration: 2.4s; } }
`;
