import { describe, expect, it } from 'vitest';
import { cssTemplateMinify, minifyCss } from '../css-template-minify.ts';

describe('minifyCss', () => {
  it('drops comments, indentation and the spaces around braces, semicolons, commas and colons', () => {
    const css = `
      /* tokens */
      .a .b:hover , .c {
        color: red;
        margin: 0 auto;
      }
      @media (max-width: 639.98px) { .x { display: none; } }
    `;
    expect(minifyCss(css)).toBe('.a .b:hover,.c{color:red;margin:0 auto}@media (max-width:639.98px){.x{display:none}}');
  });

  it('keeps the spaces calc() and descendant selectors need', () => {
    expect(minifyCss('.a > .b { width: calc(100% - 2 * var(--x)); }')).toBe('.a > .b{width:calc(100% - 2 * var(--x))}');
  });

  it('leaves quoted text as it is', () => {
    expect(minifyCss(`.a { font-family: "Segoe  UI" , 'a ; b'; content: "/* no */"; }`)).toBe(
      `.a{font-family:"Segoe  UI",'a ; b';content:"/* no */"}`,
    );
  });
});

describe('cssTemplateMinify', () => {
  const transform = (code: string, id = '/src/Panel.css.ts') => {
    const plugin = cssTemplateMinify();
    const hook = plugin.transform as (code: string, id: string) => { code: string } | null;
    return hook.call({}, code, id)?.code;
  };

  it('minifies the template literals of *.css.ts modules and keeps interpolations', () => {
    const code =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is module source with a template literal in it
      'const DARK = `\n  --bg: #000;\n`;\nexport default `\n:host { color: red; }\n:host(.dark) {${DARK}}\n`;\n';
    expect(transform(code)).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the same module, minified
      'const DARK = `--bg:#000;`;\nexport default `:host{color:red}:host(.dark){${DARK}}`;\n',
    );
  });

  it('leaves other modules alone', () => {
    expect(transform('export default `a  {  }`;', '/src/Panel.tsx')).toBeUndefined();
  });
});
