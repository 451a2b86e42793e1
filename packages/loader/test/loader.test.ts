import { beforeEach, describe, expect, it } from 'vitest';
import { type LoaderWindow, start } from '../src/start.ts';

function script(attrs: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  el.src = 'https://support.example.com/widget/loader.js';
  for (const [name, value] of Object.entries(attrs)) {
    // Browsers expose a script's nonce only as a property (the attribute reads empty after parsing).
    if (name === 'nonce') Object.defineProperty(el, 'nonce', { value });
    else el.setAttribute(name, value);
  }
  return el;
}

const win = () => window as unknown as LoaderWindow;
const injected = () => [...document.head.querySelectorAll('script[type=module]')] as HTMLScriptElement[];

beforeEach(() => {
  delete win().Helpline;
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('the script-tag loader', () => {
  it('keeps calls made before it loaded, in order, and boots from data-attributes first', () => {
    win().Helpline = Object.assign(
      function Helpline(...args: unknown[]) {
        (win().Helpline!.q ||= []).push(args);
      },
      { q: [] as unknown[][] },
    );
    win().Helpline!('identify', { id: 'u1' });
    start(win(), script({ 'data-key': 'pk_1', 'data-position': 'left' }));
    win().Helpline!('update', { account: { id: 'a1' } });
    const queue = win().Helpline!.q as unknown[][];
    expect(queue.map((entry) => entry[0])).toEqual(['boot', 'identify', 'update']);
    expect(queue[0]?.[1]).toEqual({
      key: 'pk_1',
      apiUrl: 'https://support.example.com',
      appearance: { position: 'left' },
    });
  });

  it('downloads nothing until the visitor interacts, then loads the widget once with the nonce', () => {
    start(win(), script({ 'data-key': 'pk_1', nonce: 'n0nce' }));
    expect(injected()).toHaveLength(0);
    const launcher = document.querySelector('helpline-launcher');
    const button = launcher?.shadowRoot?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Open support');
    button?.click();
    expect(injected()).toHaveLength(1);
    expect(injected()[0]?.src).toBe('https://support.example.com/widget/helpline.js');
    expect(injected()[0]?.nonce).toBe('n0nce');
    expect((win().Helpline!.q as unknown[][]).filter((entry) => entry[0] === 'open')).toHaveLength(1);
  });

  it('loads immediately for a queued command that needs the panel', () => {
    win().Helpline = Object.assign(() => {}, { q: [['open', 'chat']] as unknown[][] });
    start(win(), script({}));
    expect(injected()).toHaveLength(1);
  });

  it('loads eagerly when asked, and a second copy of the snippet does nothing', () => {
    start(win(), script({ 'data-key': 'pk', 'data-load': 'eager' }));
    start(win(), script({ 'data-key': 'pk', 'data-load': 'eager' }));
    expect(injected()).toHaveLength(1);
    expect(document.querySelectorAll('helpline-launcher')).toHaveLength(1);
  });

  it('draws no launcher when hidden, and a host element matching launcherSelector loads the widget', () => {
    win().Helpline = Object.assign(() => {}, {
      q: [
        [
          'boot',
          {
            key: 'pk',
            apiUrl: 'https://s.example',
            appearance: { hideLauncher: true, launcherSelector: '#help' },
          },
        ],
      ] as unknown[][],
    });
    const help = document.createElement('button');
    help.id = 'help';
    document.body.append(help);
    start(win(), script({}));
    expect(document.querySelector('helpline-launcher')).toBeNull();
    help.click();
    expect(injected()).toHaveLength(1);
  });
});
