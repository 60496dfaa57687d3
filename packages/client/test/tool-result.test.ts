import { describe, expect, it } from 'vitest';
import { toToolCallResult } from '../src/tool-result.js';

describe('toToolCallResult', () => {
  it('prefers structuredContent, even a non-object one (2026-07-28)', () => {
    expect(
      toToolCallResult({ content: [{ type: 'text', text: '{"a":2}' }], structuredContent: [1, 2] })
        .data,
    ).toEqual([1, 2]);
    expect(toToolCallResult({ content: [], structuredContent: 0 }).data).toBe(0);
  });

  it('parses one text block as JSON, else keeps its text', () => {
    expect(toToolCallResult({ content: [{ type: 'text', text: '42' }] }).data).toBe(42);
    expect(toToolCallResult({ content: [{ type: 'text', text: 'not json' }] }).data).toBe(
      'not json',
    );
  });

  it('has no data for several blocks, non-text blocks, or none', () => {
    const two = {
      content: [
        { type: 'text' as const, text: 'a' },
        { type: 'text' as const, text: 'b' },
      ],
    };
    expect(toToolCallResult(two).data).toBeUndefined();
    const image = { content: [{ type: 'image' as const, data: 'AA==', mimeType: 'image/png' }] };
    expect(toToolCallResult(image).data).toBeUndefined();
    expect(toToolCallResult({ content: [] }).data).toBeUndefined();
  });

  it('fills defaults for a sparse result', () => {
    expect(toToolCallResult({ _meta: { k: 1 } } as never)).toEqual({
      content: [],
      structuredContent: undefined,
      isError: false,
      _meta: { k: 1 },
      data: undefined,
    });
  });
});
