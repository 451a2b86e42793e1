import { AdapterError, type Upload } from '@helpline/core';

/** Checks a file against the configured limits before any byte is sent, naming the failing field. */
export function checkUpload(file: Upload, limits: { maxBytes: number; types: string[] }): void {
  const type = file.type || 'application/octet-stream';
  const allowed = limits.types.some((pattern) =>
    pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern,
  );
  if (!allowed)
    throw new AdapterError('invalid_input', `Upload refused: files of type ${type} are not accepted`, {
      field: 'type',
    });
  if (file.size > limits.maxBytes)
    throw new AdapterError('invalid_input', `Upload refused: ${file.name} is larger than ${limits.maxBytes} bytes`, {
      field: 'size',
    });
}
