/** Words of a free-text query; only letters and digits survive, so nothing can inject tsquery syntax. */
export function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 20);
}

/**
 * A to_tsquery('english', …) string. `all` ANDs the words (search); otherwise they are ORed
 * (questions). `prefix` makes the last word match while it is still being typed.
 */
export function buildTsQuery(words: readonly string[], options: { all: boolean; prefix: boolean }): string {
  return words
    .map((word, index) => (options.prefix && index === words.length - 1 ? `${word}:*` : word))
    .join(options.all ? ' & ' : ' | ');
}
