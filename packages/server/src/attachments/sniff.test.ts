import { describe, expect, it } from 'vitest';
import { declaredType, sniffType } from './sniff.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffType', () => {
  it('recognises images and PDFs by their magic bytes', () => {
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffType(text('GIF89a..'))).toBe('image/gif');
    expect(sniffType(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(text('%PDF-1.4'))).toBe('application/pdf');
  });

  it('accepts UTF-8 text and refuses binary or unknown content', () => {
    expect(sniffType(text('Hello, wörld\n\tindented'))).toBe('text/plain');
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04, 0, 0))).toBeUndefined();
    expect(sniffType(bytes(0xc3, 0x28))).toBeUndefined();
    expect(sniffType(new Uint8Array())).toBeUndefined();
  });

  it('refuses images and PDFs carrying markup anywhere, in any case', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const withTail = (tail: string) => new Uint8Array([...png, ...new Uint8Array(5000), ...text(tail)]);
    for (const markup of [
      '<script>',
      '<SVG/onload=x>',
      '<iframe src=x>',
      '<body\n',
      '<!DOCTYPE html>',
      '<!doctype\n\n   HTML',
    ]) {
      expect(sniffType(withTail(markup)), markup).toBeUndefined();
    }
    for (const harmless of ['<scripts>', '<svgx', '<!doctype', '<!doctypehtml', '<!doctype xml', '<<']) {
      expect(sniffType(withTail(harmless)), harmless).toBe('image/png');
    }
    expect(sniffType(text('%PDF-1.4 <html>'))).toBeUndefined();
  });

  it('normalises declared types', () => {
    expect(declaredType('image/JPG; charset=binary')).toBe('image/jpeg');
    expect(declaredType('application/octet-stream')).toBeUndefined();
    expect(declaredType(undefined)).toBeUndefined();
  });
});
