// Words too common to tell articles apart; without this "how do I" matches every how-to.
const STOPWORDS = new Set(
  'a an and are as at be but by can do does for from have how i if in into is it its me my no not of on or our so that the their then there these this to was what when where which who why will with you your'.split(
    ' ',
  ),
);

/** Index and query term normalisation shared by search and answers. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length === 0 || STOPWORDS.has(lower) ? null : lower;
}

/** Prefix-match only the last word, the one the user is still typing. */
export const prefixLastTerm = (_term: string, index: number, terms: string[]): boolean => index === terms.length - 1;

/** Allow one typo in words of 4+ letters, two in words of 8+. */
export const fuzzyByLength = (term: string): number | boolean => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false);
