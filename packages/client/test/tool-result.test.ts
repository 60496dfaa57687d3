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

  it('joins every text block as text, on failures too', () => {
    const ok = toToolCallResult({
      content: [
        { type: 'text', text: 'one' },
        { type: 'image', data: 'AA==', mimeType: 'image/png' },
        { type: 'text', text: 'two' },
      ],
    });
    expect(ok.text).toBe('one\ntwo');
    const failed = toToolCallResult({
      content: [{ type: 'text', text: 'Division by zero' }],
      isError: true,
    });
    expect(failed.text).toBe('Division by zero');
    expect(toToolCallResult({ content: [] }).text).toBe('');
  });

  it("keeps app _meta and drops the protocol's own keys", () => {
    const serverInfo = { name: 's', version: '1' };
    expect(
      toToolCallResult({
        content: [],
        _meta: { 'io.modelcontextprotocol/serverInfo': serverInfo, trace: 't1' },
      })._meta,
    ).toEqual({ trace: 't1' });
    expect(
      toToolCallResult({ content: [], _meta: { 'io.modelcontextprotocol/serverInfo': serverInfo } })
        ._meta,
    ).toBe(undefined);
  });

  it('treats JSON-looking text as JSON and anything else as text', () => {
    const data = (text: string) => toToolCallResult({ content: [{ type: 'text', text }] }).data;
    expect([
      data('42'),
      data('-1.5'),
      data('true'),
      data('null'),
      data('"q"'),
      data(' [1]'),
    ]).toEqual([42, -1.5, true, null, 'q', [1]]);
    expect([data('Hello'), data('true story'), data('{not json'), data('')]).toEqual([
      'Hello',
      'true story',
      '{not json',
      '',
    ]);
  });
});
