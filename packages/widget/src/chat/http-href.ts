/**
 * The URL if it is http(s), else undefined. Attachment URLs come from the backend as plain
 * strings; one that says `javascript:` or `data:` must not become a link someone can click.
 */
export function httpHref(url: string): string | undefined {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
