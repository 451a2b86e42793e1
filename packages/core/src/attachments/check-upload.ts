import type { Upload } from '../adapter/contract.js';
import { AdapterError } from '../errors/adapter-error.js';
import { mimeTypeAllowed } from './mime-type.js';

/**
 * For adapters whose backend takes any file: checks one against the configured limits before any
 * byte is sent, naming the failing field.
 */
export function checkUpload(file: Upload, limits: { maxBytes: number; types: string[] }): void {
  const type = file.type || 'application/octet-stream';
  if (!mimeTypeAllowed(type, limits.types))
    throw new AdapterError('invalid_input', `Upload refused: files of type ${type} are not accepted`, {
      field: 'type',
    });
  if (file.size > limits.maxBytes)
    throw new AdapterError('invalid_input', `Upload refused: ${file.name} is larger than ${limits.maxBytes} bytes`, {
      field: 'size',
    });
}
