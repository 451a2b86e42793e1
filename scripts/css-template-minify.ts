import type { Plugin } from 'vite';

/**
 * Drops what a browser ignores in CSS: comments, indentation, spaces around `{ } ; , :` and the last
 * `;` of a block. It leaves `+`, `-`, `*`, `/` and `>` alone (calc() needs the spaces around
 * them) and never looks inside quotes, so values keep their meaning.
 */
export function minifyCss(css: string): string {
  let out = '';
  let quote = '';
  for (let index = 0; index < css.length; index++) {
    const char = css[index] as string;
    if (quote) {
      out += char;
      if (char === '\\') out += css[++index] ?? '';
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      out += char;
    } else if (char === '/' && css[index + 1] === '*') {
      const end = css.indexOf('*/', index + 2);
      index = end === -1 ? css.length : end + 1;
    } else if (/\s/.test(char)) {
      if (!out.endsWith(' ')) out += ' ';
    } else {
      out += char;
    }
  }
  return squeezeOutsideQuotes(out);
}

function squeezeOutsideQuotes(css: string): string {
  return css
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}

/**
 * Styles live in `*.css.ts` modules as template literals (adoptedStyleSheets need strings, and a
 * strict CSP allows no <style> from a CSS file without a nonce). This minifies the static text of
 * each template literal in those modules at build time; interpolations stay as they are.
 */
export function cssTemplateMinify(): Plugin {
  return {
    name: 'helpline-css-template-minify',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css\.ts$/.test(id)) return null;
      const minified = code.replace(
        /`((?:[^`\\$]|\\.|\$(?!\{))*(?:\$\{[^}]*\}(?:[^`\\$]|\\.|\$(?!\{))*)*)`/g,
        (_, body: string) => {
          const pieces = body.split(/(\$\{[^}]*\})/);
          return `\`${pieces.map((piece, index) => (index % 2 === 1 ? piece : minifyCss(piece))).join('')}\``;
        },
      );
      return { code: minified, map: null };
    },
  };
}
