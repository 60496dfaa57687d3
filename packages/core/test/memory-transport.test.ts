import { createMemoryTransportPair, type JsonRpcMessage } from '@mcpkit/core';
import { describe, expect, test } from 'vitest';
import { flush } from './helpers.js';

const collect = () => {
  const got: JsonRpcMessage[] = [];
  let closed = 0;
  return {
    got,
    closes: () => closed,
    sink: {
      message: (m: JsonRpcMessage) => got.push(m),
      error: () => {},
      close: () => void closed++,
    },
  };
};

describe('createMemoryTransportPair', () => {
  test('delivers in order, asynchronously', async () => {
    const [a, b] = createMemoryTransportPair();
    const rx = collect();
    await b.start(rx.sink);
    await a.start(collect().sink);
    a.send({ jsonrpc: '2.0', method: 'one' });
    a.send({ jsonrpc: '2.0', method: 'two' });
    expect(rx.got).toEqual([]);
    await flush();
    expect(rx.got).toEqual([
      { jsonrpc: '2.0', method: 'one' },
      { jsonrpc: '2.0', method: 'two' },
    ]);
  });

  test('holds messages sent before the peer starts', async () => {
    const [a, b] = createMemoryTransportPair();
    await a.start(collect().sink);
    a.send({ jsonrpc: '2.0', method: 'early' });
    const rx = collect();
    await b.start(rx.sink);
    await flush();
    expect(rx.got).toEqual([{ jsonrpc: '2.0', method: 'early' }]);
  });

  test('serialize: true behaves like a wire (copies, drops undefined)', async () => {
    const [a, b] = createMemoryTransportPair({ serialize: true });
    const rx = collect();
    await b.start(rx.sink);
    await a.start(collect().sink);
    const params = { keep: 1, gone: undefined };
    a.send({ jsonrpc: '2.0', method: 'x', params });
    await flush();
    expect(rx.got[0]).toEqual({ jsonrpc: '2.0', method: 'x', params: { keep: 1 } });
    expect((rx.got[0] as { params: object }).params).not.toBe(params);
    expect(Object.keys((rx.got[0] as { params: object }).params)).toEqual(['keep']);
  });

  test('closing one side closes both, once; sending after close throws', async () => {
    const [a, b] = createMemoryTransportPair();
    const ra = collect();
    const rb = collect();
    await a.start(ra.sink);
    await b.start(rb.sink);
    await a.close();
    await a.close();
    await flush();
    expect([ra.closes(), rb.closes()]).toEqual([1, 1]);
    expect(() => b.send({ jsonrpc: '2.0', method: 'late' })).toThrow('Transport closed');
  });
});
