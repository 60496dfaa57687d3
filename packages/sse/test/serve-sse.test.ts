import { request as httpRequest } from 'node:http';
import { createSession, type Session } from '@mcpkit/core';
import { createServer } from '@mcpkit/server';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sseClientTransport } from '../src/client-transport.js';
import { type SseServer, serveSse } from '../src/serve-sse.js';
import { eventReader, fakeServer } from './fixtures/fake-server.js';

const servers: SseServer[] = [];
const sessions: Session[] = [];

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  for (const s of servers.splice(0)) await s.close();
});

async function start(options = {}) {
  const server = fakeServer();
  const running = await serveSse(server, { port: 0, ...options });
  servers.push(running);
  return { server, running };
}

async function connect(url: string) {
  const session = createSession({ transport: sseClientTransport(url), timeoutMs: 10_000 });
  sessions.push(session);
  await session.start();
  return session;
}

describe('serveSse', () => {
  it('listens on 127.0.0.1 and reports the event-stream URL', async () => {
    const { running } = await start({ ssePath: '/events' });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/events$/);
  });

  it('takes `path` (as server.listen passes it) for the event-stream path', async () => {
    const { running } = await start({ path: '/legacy' });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/legacy$/);
    const session = await connect(running.url);
    expect(await session.request('ping')).toEqual({});
  });

  it('round-trips requests with sseClientTransport over loopback', async () => {
    const { running } = await start();
    const session = await connect(running.url);
    expect(await session.request('echo', { n: 1 })).toEqual({ echoed: { n: 1 } });
    expect(await session.request('ping')).toEqual({});
  });

  it('serves several sessions at once, each with its own id', async () => {
    const { running, server } = await start();
    const a = await connect(running.url);
    const b = await connect(running.url);
    const ida = ((await a.request('whoami')) as { sessionId: string }).sessionId;
    const idb = ((await b.request('whoami')) as { sessionId: string }).sessionId;
    expect(ida).toMatch(/^[0-9a-f-]{36}$/);
    expect(idb).not.toBe(ida);
    expect(server.connections).toHaveLength(2);
  });

  it('carries server-to-client requests over the stream and the answer back by POST', async () => {
    const { running, server } = await start();
    const client = createSession({
      transport: sseClientTransport(running.url),
      onRequest: (req) => ({ from: 'client', method: req.method }),
    });
    sessions.push(client);
    await client.start();
    const serverSide = server.connections[0]?.session as Session;
    expect(await serverSide.request('roots/list')).toEqual({
      from: 'client',
      method: 'roots/list',
    });
  });

  it('writes the endpoint event first on the wire', async () => {
    const { running } = await start();
    const res = await fetch(running.url);
    const events = eventReader(res.body as ReadableStream<Uint8Array>);
    expect(await events.next()).toMatch(
      /^event: endpoint\ndata: \/messages\?sessionId=[0-9a-f-]{36}$/,
    );
    await events.cancel();
  });

  it('refuses a foreign Host header with 403 on the wire', async () => {
    const { running } = await start();
    const url = new URL(running.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: url.port, path: '/sse', headers: { host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('a client closing its stream closes the server session', async () => {
    const { running, server } = await start();
    const session = await connect(running.url);
    await session.close();
    const serverSide = server.connections[0]?.session as Session;
    await serverSide.done;
    expect(serverSide.closed).toBe(true);
  });

  it('close() ends client sessions', async () => {
    const { running } = await start();
    let reason: Error | undefined;
    const session = createSession({
      transport: sseClientTransport(running.url),
      onClose: (r) => (reason = r),
    });
    sessions.push(session);
    await session.start();
    await running.close();
    servers.length = 0;
    await session.done;
    expect(reason?.message).toBe('SSE stream closed by the server');
  });

  it('serves a real @mcpkit/server to sseClientTransport', async () => {
    const server = createServer({ name: 'sse-real', version: '1.0.0' }).tool(
      'greet',
      { description: 'Say hello', input: z.object({ name: z.string() }) },
      ({ name }) => `Hello, ${name}!`,
    );
    const running = await serveSse(server);
    servers.push(running);
    const session = await connect(running.url);
    const init = await session.request('initialize', {
      protocolVersion: '2024-11-05',
      capabilities: {},
      clientInfo: { name: 'sse-test', version: '1.0.0' },
    });
    expect([init.protocolVersion, init.serverInfo]).toEqual([
      '2024-11-05',
      { name: 'sse-real', version: '1.0.0' },
    ]);
    await session.notify('notifications/initialized');
    expect(
      await session.request('tools/call', { name: 'greet', arguments: { name: 'Ada' } }),
    ).toEqual({
      content: [{ type: 'text', text: 'Hello, Ada!' }],
    });
  });
});
