/** Whether a MIME type matches one of a form's patterns: exact (`application/pdf`) or a family (`image/*`). */
export const mimeTypeAllowed = (type: string, patterns: readonly string[]): boolean =>
  patterns.some((pattern) => (pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern));
