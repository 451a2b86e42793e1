export type MessageVars = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** Index of the `}` closing the `{` at `open`, or -1 when the braces are unbalanced. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Parses `one {…} other {…} =0 {…}` into its branches. */
function pluralBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const key = body.slice(i, open).trim();
    const close = closingBrace(body, open);
    if (close < 0) break;
    branches.set(key, body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

function formatPlural(body: string, value: number, locale: string, vars: MessageVars): string {
  const branches = pluralBranches(body);
  const chosen =
    branches.get(`=${value}`) ?? branches.get(rulesFor(locale).select(value)) ?? branches.get('other') ?? '';
  return formatMessage(chosen.replaceAll('#', new Intl.NumberFormat(locale).format(value)), vars, locale);
}

/**
 * ICU-lite: `{name}` interpolation and `{count, plural, one {# item} other {# items}}`. Output is plain
 * text for Preact to put in text nodes, so a variable can never inject markup.
 */
export function formatMessage(template: string, vars: MessageVars = {}, locale = 'en'): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closingBrace(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const [name = '', kind, ...rest] = inner.split(',');
    const value = vars[name.trim()];
    if (kind?.trim() === 'plural') {
      out += formatPlural(rest.join(','), Number(value ?? 0), locale, vars);
    } else {
      out += value === undefined ? `{${inner}}` : String(value);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}
