/**
 * SQL for an article text as full-text search reads it. PostgreSQL's parser takes `<…>` for markup
 * and skips everything between `<script>` and `</script>`, so an install guide that mentions the
 * `<script>` tag would lose the rest of its words from the index. Angle brackets become ‹ ›, which
 * the parser reads as punctuation: every word stays searchable, and excerpts still show the tag.
 */
export const searchable = (sql: string): string => `translate(${sql}, '<>', '‹›')`;
