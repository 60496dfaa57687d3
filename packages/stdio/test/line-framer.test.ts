import { describe, expect, it } from 'vitest';
import { LineFramer } from '../src/line-framer.js';

function collect(maxLineBytes?: number) {
  const lines: string[] = [];
  const overflows: number[] = [];
  const framer = new LineFramer({
    maxLineBytes,
    onLine: (line) => lines.push(line),
    onOverflow: (limit) => overflows.push(limit),
  });
  return { framer, lines, overflows };
}

describe('LineFramer', () => {
  it('emits one line per newline, several per chunk', () => {
    const { framer, lines } = collect();
    framer.push(Buffer.from('{"a":1}\n{"b":2}\n{"c":3}\n'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    expect(framer.buffered).toBe(0);
  });

  it('joins a line split across many chunks', () => {
    const { framer, lines } = collect();
    for (const part of ['{"me', 'thod"', ':"x', '"}\n{"n', '":1}', '\n'])
      framer.push(Buffer.from(part));
    expect(lines).toEqual(['{"method":"x"}', '{"n":1}']);
  });

  it('strips \\r\\n line endings, also when \\r and \\n arrive apart', () => {
    const { framer, lines } = collect();
    framer.push(Buffer.from('{"a":1}\r\n{"b":2}\r'));
    framer.push(Buffer.from('\n'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('decodes a multi-byte character split between chunks', () => {
    const { framer, lines } = collect();
    const bytes = Buffer.from('{"s":"héllo ✓"}\n', 'utf8');
    const cut = bytes.indexOf(0xe2) + 1; // inside the 3-byte check mark
    framer.push(bytes.subarray(0, cut));
    framer.push(bytes.subarray(cut));
    expect(lines).toEqual(['{"s":"héllo ✓"}']);
  });

  it('skips blank and whitespace-only lines', () => {
    const { framer, lines } = collect();
    framer.push('\n \t\r\n{"a":1}\n\n');
    expect(lines).toEqual(['{"a":1}']);
  });

  it('accepts string chunks', () => {
    const { framer, lines } = collect();
    framer.push('{"a":"ü"}\n');
    expect(lines).toEqual(['{"a":"ü"}']);
  });

  it('accepts a line of exactly maxLineBytes', () => {
    const { framer, lines, overflows } = collect(5);
    framer.push('12345\n');
    expect(lines).toEqual(['12345']);
    expect(overflows).toEqual([]);
  });

  it('discards an over-long line up to its newline, once, and serves the next line', () => {
    const { framer, lines, overflows } = collect(8);
    framer.push('1234');
    framer.push('56789'); // 9 bytes pending: over the limit
    expect(overflows).toEqual([8]);
    expect(framer.buffered).toBe(0);
    framer.push('more junk');
    framer.push('tail\n{"ok":1}\n');
    expect(overflows).toEqual([8]);
    expect(lines).toEqual(['{"ok":1}']);
  });

  it('rejects an over-long line that arrives whole in one chunk', () => {
    const { framer, lines, overflows } = collect(4);
    framer.push('123456789\nabc\n');
    expect(overflows).toEqual([4]);
    expect(lines).toEqual(['abc']);
  });

  it('rejects an over-long line completed by a newline in a later chunk', () => {
    const { framer, lines, overflows } = collect(4);
    framer.push('123');
    framer.push('45\nab\n');
    expect(overflows).toEqual([4]);
    expect(lines).toEqual(['ab']);
  });

  it('end() reports the bytes of an unterminated last line and drops them', () => {
    const { framer, lines } = collect();
    framer.push('{"a":1}\n{"b"');
    expect(framer.end()).toBe(4);
    expect(framer.buffered).toBe(0);
    expect(lines).toEqual(['{"a":1}']);
  });

  it('assembles a long line fed one byte at a time', () => {
    const { framer, lines } = collect();
    const text = `{"data":"${'x'.repeat(20_000)}"}`;
    for (let i = 0; i < text.length; i++) framer.push(text[i] as string);
    framer.push('\n');
    expect(lines).toEqual([text]);
  });
});
