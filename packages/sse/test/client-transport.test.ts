import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonRpcMessage, TransportSink } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { sseClientTransport } from '../src/client-transport.js';

const servers: Server[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
    await once(s, 'close');
  }
});

/** A tiny scripted SSE peer: `onGet` writes frames, POST bodies are recorded. */
async function peer(
  onGet: (write: (frame: string) => void, end: () => void) => void,
  postStatus = 202,
) {
  const posts: { url: string; body: string; headers: Record<string, unknown> }[] = [];
  let gets = 0;
  let getClosed = 0;
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      gets++;
      req.on('close', () => getClosed++);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      onGet(
        (frame) => res.write(frame),
        () => res.end(),
      );
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posts.push({ url: req.url ?? '', body, headers: req.headers });
      res.writeHead(postStatus).end(postStatus === 202 ? 'Accepted' : 'nope');
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sse`,
    port,
    posts,
    stats: () => ({ gets, getClosed }),
  };
}

function recordingSink() {
  const messages: JsonRpcMessage[] = [];
  const errors: string[] = [];
  const closes: (string | undefined)[] = [];
  const sink: TransportSink = {
    message: (m) => messages.push(m),
    error: (e) => errors.push(e.message),
    close: (r) => closes.push(r?.message),
  };
  return { sink, messages, errors, closes };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('sseClientTransport', () => {
  it('resolves the endpoint against the SSE URL and POSTs each message there with headers', async () => {
    const p = await peer((write) => write('event: endpoint\ndata: /messages?sessionId=abc\n\n'));
    const transport = sseClientTransport(p.url, { headers: { authorization: 'Bearer t' } });
    const { sink } = recordingSink();
    await transport.start(sink);
    await transport.send({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(
      p.posts.map((x) => [x.url, x.body, x.headers.authorization, x.headers['content-type']]),
    ).toEqual([
      [
        '/messages?sessionId=abc',
        '{"jsonrpc":"2.0","id":1,"method":"ping"}',
        'Bearer t',
        'application/json',
      ],
    ]);
    await transport.close();
  });

  it('delivers message events (and events without a type) to the sink; reports bad ones', async () => {
    const p = await peer((write) => {
      write('event: endpoint\ndata: /m\n\n');
      write('event: message\ndata: {"jsonrpc":"2.0","method":"a"}\n\n');
      write('data: {"jsonrpc":"2.0","method":"b"}\n\n');
      write('event: message\ndata: nope\n\n');
      write('event: other\ndata: ignored\n\n');
    });
    const transport = sseClientTransport(p.url);
    const r = recordingSink();
    await transport.start(r.sink);
    await until(() => r.errors.length > 0);
    expect(r.messages).toEqual([
      { jsonrpc: '2.0', method: 'a' },
      { jsonrpc: '2.0', method: 'b' },
    ]);
    expect(r.errors).toEqual([expect.stringMatching(/^Undecodable SSE message: Parse error: /)]);
    await transport.close();
  });

  it('refuses an endpoint on a different origin', async () => {
    const p = await peer((write) =>
      write('event: endpoint\ndata: http://evil.example/messages\n\n'),
    );
    const transport = sseClientTransport(p.url);
    const r = recordingSink();
    await expect(transport.start(r.sink)).rejects.toThrow(
      `Refusing endpoint http://evil.example/messages on a different origin than http://127.0.0.1:${p.port}`,
    );
    expect(r.closes).toHaveLength(1);
  });

  it('fails clearly when the stream ends before the endpoint event', async () => {
    const p = await peer((_write, end) => end());
    const transport = sseClientTransport(p.url);
    await expect(transport.start(recordingSink().sink)).rejects.toThrow(
      `SSE stream from ${p.url} ended before the endpoint event`,
    );
  });

  it('fails clearly on a non-SSE answer', async () => {
    const p = await peer(() => {});
    const transport = sseClientTransport(p.url.replace('/sse', '/sse'), {
      fetch: async () =>
        new Response('no', { status: 404, headers: { 'content-type': 'text/plain' } }),
    });
    await expect(transport.start(recordingSink().sink)).rejects.toThrow(
      `SSE connection to ${p.url} failed: HTTP 404 (text/plain)`,
    );
  });

  it('times out waiting for the endpoint event', async () => {
    const p = await peer(() => {});
    const transport = sseClientTransport(p.url, { endpointTimeoutMs: 50 });
    await expect(transport.start(recordingSink().sink)).rejects.toThrow(
      `No endpoint event from ${p.url} within 50 ms`,
    );
    await until(() => p.stats().getClosed === 1);
    expect(p.stats()).toEqual({ gets: 1, getClosed: 1 });
  });

  it('rejects send when the POST is refused', async () => {
    const p = await peer((write) => write('event: endpoint\ndata: /m\n\n'), 404);
    const transport = sseClientTransport(p.url);
    await transport.start(recordingSink().sink);
    await expect(transport.send({ jsonrpc: '2.0', method: 'x' })).rejects.toThrow(
      `POST http://127.0.0.1:${p.port}/m failed: HTTP 404 nope`,
    );
    await transport.close();
  });

  it('close aborts the stream and closes the sink once, without a reason', async () => {
    const p = await peer((write) => write('event: endpoint\ndata: /m\n\n'));
    const transport = sseClientTransport(p.url);
    const r = recordingSink();
    await transport.start(r.sink);
    await transport.close();
    await transport.close();
    await until(() => p.stats().getClosed === 1);
    expect(p.stats()).toEqual({ gets: 1, getClosed: 1 });
    expect(r.closes).toEqual([undefined]);
    await expect(transport.send({ jsonrpc: '2.0', method: 'x' })).rejects.toThrow(
      'SSE transport is not open',
    );
  });
});
