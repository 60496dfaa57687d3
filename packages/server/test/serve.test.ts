import { createServer } from '@mcpkit/server';
import { describe, expect, test } from 'vitest';
import { serveWith } from '../src/serve.js';
import { envelope, SERVER_INFO } from './helpers.js';

const server = () => createServer({ name: 's', version: '1' }).tool('greet', {}, () => 'hi');

describe('server.listen()', () => {
  test("transport 'http' serves through @mcpkit/http/node on a loopback port", async () => {
    const s = server();
    const listening = await s.listen({ transport: 'http', port: 0 });
    try {
      expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const response = await fetch(listening.url!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2026-07-28',
          'mcp-method': 'tools/call',
          'mcp-name': 'greet',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'greet', _meta: envelope() },
        }),
      });
      const text = await response.text();
      const json = JSON.parse(
        text.startsWith('{') ? text : text.split('data: ')[1]!.split('\n')[0]!,
      );
      expect(json).toEqual({
        jsonrpc: '2.0',
        id: 1,
        result: {
          content: [{ type: 'text', text: 'hi' }],
          resultType: 'complete',
          _meta: { [SERVER_INFO]: { name: 's', version: '1' } },
        },
      });
    } finally {
      await s.close();
    }
  });

  test('a missing transport package gives a clear error', async () => {
    const missing = Object.assign(new Error("Cannot find package '@mcpkit/sse'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    await expect(
      serveWith(server(), { transport: 'sse' }, () => Promise.reject(missing)),
    ).rejects.toThrow(
      "server.listen({ transport: 'sse' }) needs the @mcpkit/sse package; install it with `npm install @mcpkit/sse`",
    );
    await expect(serveWith(server(), { transport: 'udp' as never })).rejects.toThrow(
      `Unknown transport "udp": use 'stdio', 'http' or 'sse'`,
    );
  });

  test('stdio (the default) passes the server and options to serveStdio', async () => {
    const calls: unknown[] = [];
    let closed = false;
    const fake = {
      serveStdio: async (srv: unknown, options: unknown) => {
        calls.push([srv, options]);
        return {
          close: async () => {
            closed = true;
          },
        };
      },
    };
    const s = server();
    const loaded: string[] = [];
    const handle = await serveWith(s, { signals: [] }, async (specifier) => {
      loaded.push(specifier);
      return fake;
    });
    expect(loaded).toEqual(['@mcpkit/stdio']);
    expect(calls).toEqual([[s, { signals: [] }]]);
    await handle.close();
    expect(closed).toBe(true);
  });
});
