/**
 * A PNG header then `size` bytes of xorshift noise: incompressible, and deterministic so it never holds
 * markup by chance (the upload check would refuse it).
 */
export function noisyPng(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let state = 0x2545f491;
  for (let index = 8; index < size; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}
