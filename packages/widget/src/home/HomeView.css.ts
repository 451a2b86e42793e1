export default `
.hl-home { display: flex; flex-direction: column; gap: 20px; }
.hl-home__greeting { margin: 0; font-size: 20px; font-weight: 700; line-height: 1.3; }
.hl-home__section { display: flex; flex-direction: column; gap: 8px; }
.hl-home__heading { margin: 0; font-size: 13px; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase; color: var(--hl-muted); }
.hl-home__actions { display: flex; flex-direction: column; gap: 8px; }
.hl-home__more { align-self: flex-start; padding: 4px 0; border: 0; background: none; color: var(--hl-fg); font: inherit; text-decoration: underline; cursor: pointer; }
.hl-home__more:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 2px; }
.hl-availability { display: flex; gap: 10px; align-items: baseline; margin: 0; color: var(--hl-fg); }
.hl-availability__dot { flex: none; width: 9px; height: 9px; border-radius: 50%; background: var(--hl-muted); }
.hl-availability--online .hl-availability__dot { background: var(--hl-success); }
.hl-availability--away .hl-availability__dot { background: var(--hl-warning); }
.hl-availability__detail { display: block; color: var(--hl-muted); font-size: 14px; }
.hl-tips { margin: 0; padding-inline-start: 20px; }
.hl-tips li + li { margin-top: 4px; }
search { display: block; }
.hl-search-box { position: relative; display: flex; align-items: center; }
.hl-search-box__icon { position: absolute; inset-inline-start: 12px; color: var(--hl-muted); pointer-events: none; }
.hl-search-box__input {
  width: 100%; min-height: 44px; padding: 10px 12px; padding-inline-start: 40px;
  border: 1px solid var(--hl-border); border-radius: calc(var(--hl-radius) * 0.67);
  background: var(--hl-bg); color: var(--hl-fg); font: inherit;
}
.hl-search-box__input::placeholder { color: var(--hl-muted); }
.hl-search-box__input:focus-visible { outline: 2px solid var(--hl-focus); outline-offset: 1px; border-color: var(--hl-focus); }
`;
