import { describe, expect, it } from 'vitest';
import { SseWriter, sseMessage, ssePriming } from '../src/sse-writer.js';

describe('SSE encoding', () => {
  it('encodes message and priming events', () => {
    expect(sseMessage('{"a":1}')).toBe('event: message\ndata: {"a":1}\n\n');
    expect(sseMessage('{}', 's#1')).toBe('event: message\nid: s#1\ndata: {}\n\n');
    expect(ssePriming('s#0', 500)).toBe('id: s#0\nretry: 500\ndata: \n\n');
  });

  it('sends keep-alive comments until ended, and nothing after', async () => {
    const chunks: string[] = [];
    let ended = 0;
    const writer = new SseWriter({ write: (c) => chunks.push(c), end: () => ended++ }, 10);
    await new Promise((r) => setTimeout(r, 35));
    writer.end();
    writer.end();
    writer.write('late');
    const count = chunks.length;
    await new Promise((r) => setTimeout(r, 25));
    expect(count).toBeGreaterThanOrEqual(2);
    expect(chunks.length).toBe(count);
    expect(new Set(chunks)).toEqual(new Set([': keep-alive\n\n']));
    expect([ended, writer.open]).toEqual([1, false]);
  });

  it('detach stops writing without ending the stream', () => {
    const chunks: string[] = [];
    let ended = 0;
    const writer = new SseWriter({ write: (c) => chunks.push(c), end: () => ended++ }, 0);
    writer.write('a');
    writer.detach();
    writer.write('b');
    expect([chunks, ended]).toEqual([['a'], 0]);
  });
});
