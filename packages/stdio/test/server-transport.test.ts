import { PassThrough, Writable } from 'node:stream';
import type { JsonRpcMessage, TransportSink } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { stdioServerTransport } from '../src/server-transport.js';

function harness(maxLineBytes?: number) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const out: string[] = [];
  let text = '';
  stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    const parts = text.split('\n');
    text = parts.pop() ?? '';
    out.push(...parts);
  });
  const messages: JsonRpcMessage[] = [];
  const errors: string[] = [];
  const closes: (Error | undefined)[] = [];
  const sink: TransportSink = {
    message: (m) => messages.push(m),
    error: (e) => errors.push(e.message),
    close: (reason) => closes.push(reason),
  };
  const transport = stdioServerTransport({ stdin, stdout, maxLineBytes });
  transport.start(sink);
  return { stdin, stdout, out, messages, errors, closes, transport };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('stdioServerTransport', () => {
  it('delivers each line as a message', async () => {
    const h = harness();
    h.stdin.write('{"jsonrpc":"2.0","id":1,"method":"ping"}\r\n{"jsonrpc":"2.0","method":"n"}\n');
    await tick();
    expect(h.messages).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'ping' },
      { jsonrpc: '2.0', method: 'n' },
    ]);
    await h.transport.close();
  });

  it('answers a malformed line with -32700 and serves the next line', async () => {
    const h = harness();
    h.stdin.write('{"jsonrpc":"2.0",\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    await tick();
    expect(h.out.map((line) => JSON.parse(line))).toEqual([
      {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32700, message: expect.stringMatching(/^Parse error: /) },
      },
    ]);
    expect(h.messages).toEqual([{ jsonrpc: '2.0', id: 2, method: 'ping' }]);
    expect(h.errors).toHaveLength(1);
    await h.transport.close();
  });

  it('answers a well-formed but invalid message with -32600 carrying its id', async () => {
    const h = harness();
    h.stdin.write('{"jsonrpc":"1.0","id":5,"method":"ping"}\n');
    await tick();
    expect(h.out.map((line) => JSON.parse(line))).toEqual([
      {
        jsonrpc: '2.0',
        id: 5,
        error: { code: -32600, message: 'Invalid Request: jsonrpc must be "2.0"' },
      },
    ]);
    expect(h.messages).toEqual([]);
    await h.transport.close();
  });

  it('discards an over-long line, answers -32600 naming the limit, and keeps serving', async () => {
    const h = harness(64);
    h.stdin.write(`{"jsonrpc":"2.0","id":1,"method":"echo","params":{"x":"${'y'.repeat(100)}"}}\n`);
    h.stdin.write('{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    await tick();
    expect(h.out.map((line) => JSON.parse(line))).toEqual([
      {
        jsonrpc: '2.0',
        id: null,
        error: {
          code: -32600,
          message: 'Invalid Request: line exceeds the 64-byte limit and was discarded',
        },
      },
    ]);
    expect(h.errors).toEqual(['Invalid Request: line exceeds the 64-byte limit and was discarded']);
    expect(h.messages).toEqual([{ jsonrpc: '2.0', id: 2, method: 'ping' }]);
    await h.transport.close();
  });

  it('writes outbound messages as single lines on stdout', async () => {
    const h = harness();
    await h.transport.send({ jsonrpc: '2.0', id: 1, result: { text: 'a\nb' } });
    await tick();
    expect(h.out).toEqual(['{"jsonrpc":"2.0","id":1,"result":{"text":"a\\nb"}}']);
    await h.transport.close();
  });

  it('queues sends behind a slow stdout and writes them in order after drain', async () => {
    const stdin = new PassThrough();
    const written: string[] = [];
    const callbacks: (() => void)[] = [];
    const stdout = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, cb) {
        written.push(chunk.toString());
        callbacks.push(cb);
      },
    });
    const transport = stdioServerTransport({ stdin, stdout });
    transport.start({ message: () => {}, error: () => {}, close: () => {} });
    const results = [1, 2, 3].map((id) => transport.send({ jsonrpc: '2.0', id, result: {} }));
    expect(results[0]).toBeUndefined();
    expect(results[1]).toBeInstanceOf(Promise);
    expect(written).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      for (const cb of callbacks.splice(0)) cb();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(results);
    expect(written).toEqual([1, 2, 3].map((id) => `{"jsonrpc":"2.0","id":${id},"result":{}}\n`));
    await transport.close();
  });

  it('closes the sink when stdin ends, reporting an unterminated last line', async () => {
    const h = harness();
    h.stdin.end('{"jsonrpc":"2.0"');
    await tick();
    expect(h.closes).toEqual([undefined]);
    expect(h.errors).toEqual(['stdin ended inside a line; 16 bytes dropped']);
    expect(() => h.transport.send({ jsonrpc: '2.0', method: 'x' })).toThrow(
      'stdio transport is closed',
    );
  });

  it('closes the sink with the error when stdout fails', async () => {
    const h = harness();
    const boom = new Error('EPIPE');
    h.stdout.emit('error', boom);
    expect(h.closes).toEqual([boom]);
  });

  it('close() stops reading stdin and closes the sink once', async () => {
    const h = harness();
    await h.transport.close();
    await h.transport.close();
    h.stdin.write('{"jsonrpc":"2.0","method":"late"}\n');
    await tick();
    expect(h.messages).toEqual([]);
    expect(h.closes).toEqual([undefined]);
    expect(h.stdin.listenerCount('data')).toBe(0);
    expect(h.stdin.listenerCount('end')).toBe(0);
  });
});
