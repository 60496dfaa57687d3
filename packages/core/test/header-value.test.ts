import { decodeHeaderValue, encodeHeaderValue } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';

describe('header values (SEP-2243)', () => {
  it('keeps printable ASCII plain and wraps everything else', () => {
    expect(encodeHeaderValue('get_weather')).toBe('get_weather');
    expect(encodeHeaderValue('a b')).toBe('a b');
    expect(encodeHeaderValue(' edge')).toBe('=?base64?IGVkZ2U=?=');
    expect(encodeHeaderValue('café')).toBe('=?base64?Y2Fmw6k=?=');
    expect(encodeHeaderValue('')).toBe('=?base64??=');
    expect(encodeHeaderValue('line\nbreak')).toBe('=?base64?bGluZQpicmVhaw==?=');
  });

  it('round-trips', () => {
    for (const v of ['日本語', ' x ', 'tab\t', 'plain', ''])
      expect(decodeHeaderValue(encodeHeaderValue(v))).toBe(v);
  });

  it('decodes strictly and treats partial sentinels literally', () => {
    expect(decodeHeaderValue('=?base64?SGVsbG8=?=')).toBe('Hello');
    expect(decodeHeaderValue('=?base64?SGVsbG8?=')).toBe(undefined);
    expect(decodeHeaderValue('=?base64?SGV$bG8=?=')).toBe(undefined);
    expect(decodeHeaderValue('=?base64?/w==?=')).toBe(undefined);
    expect(decodeHeaderValue('SGVsbG8=?=')).toBe('SGVsbG8=?=');
    expect(decodeHeaderValue('=?base64?SGVsbG8=')).toBe('=?base64?SGVsbG8=');
    expect(decodeHeaderValue('  Hello  ')).toBe('Hello');
  });
});
