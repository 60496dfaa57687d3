import {
  createSession,
  ENVELOPE_KEYS,
  type JsonObject,
  type JsonRpcNotification,
  McpError,
  type Session,
} from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../src/client-http-error.js';
import { type HttpClientTransportOptions, httpClientTransport } from '../src/client-transport.js';
import type { HttpHandlerOptions } from '../src/options.js';
import { serveHttp } from '../src/serve-http.js';
import { createFakeServer } from './helpers/fake-server.js';
import { envelope } from './helpers/requests.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(options: HttpHandlerOptions = {}) {
  const server = createFakeServer();
  const handle = await serveHttp(server, { port: 0, ...options });
  cleanups.push(() => handle.close());
  return { server, handle };
}

interface Client {
  session: Session;
  transport: ReturnType<typeof httpClientTransport>;
  notifications: JsonRpcNotification[];
  errors: Error[];
}

async function connect(url: string, options: HttpClientTransportOptions = {}): Promise<Client> {
  const transport = httpClientTransport(url, options);
  const notifications: JsonRpcNotification[] = [];
  const errors: Error[] = [];
  const session = createSession({
    transport,
    timeoutMs: 5000,
    onRequest: (req) => ({
      role: 'assistant',
      content: { type: 'text', text: `answer to ${req.method}` },
    }),
    onNotification: (n) => notifications.push(n),
    onError: (e) => errors.push(e),
  });
  await session.start();
  cleanups.push(() => session.close());
  return { session, transport, notifications, errors };
}

async function handshake(client: Client, protocolVersion = '2025-11-25') {
  const result = await client.session.request('initialize', {
    protocolVersion,
    capabilities: { sampling: {} },
    clientInfo: { name: 'test-client', version: '1.0.0' },
  });
  await client.session.notify('notifications/initialized');
  return result;
}

const textOf = (result: JsonObject) => (result.content as Array<{ text: string }>)[0]?.text;

const until = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
};

describe('httpClientTransport ↔ serveHttp (handshake era)', () => {
  it('captures the session id and negotiated version and echoes both', async () => {
    const { handle } = await serve();
    const client = await connect(handle.url);
    const result = await handshake(client);
    expect(result).toEqual({
      protocolVersion: '2025-11-25',
      capabilities: { tools: {} },
      serverInfo: { name: 'fake', version: '1.0.0' },
    });
    expect(client.transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.transport.protocolVersion).toBe('2025-11-25');
    const seen = JSON.parse(
      textOf(await client.session.request('tools/call', { name: 'headers' })) ?? '{}',
    );
    expect(seen['mcp-session-id']).toBe(client.transport.sessionId);
    expect(seen['mcp-protocol-version']).toBe('2025-11-25');
    expect(seen.accept).toBe('application/json, text/event-stream');
    expect(seen['content-type']).toBe('application/json');
  });

  it('delivers progress from an SSE response before the result', async () => {
    const { handle } = await serve();
    const client = await connect(handle.url);
    await handshake(client);
    const progress: number[] = [];
    const result = await client.session.request(
      'tools/call',
      { name: 'progress' },
      { onProgress: (p) => progress.push(p.progress) },
    );
    expect(progress).toEqual([1, 2, 3]);
    expect(result).toEqual({ content: [{ type: 'text', text: 'done' }] });
  });

  it('answers server-to-client requests that arrive on the request stream', async () => {
    const { handle } = await serve();
    const client = await connect(handle.url);
    await handshake(client);
    const result = await client.session.request('tools/call', { name: 'ask' });
    expect(textOf(result)).toBe(
      'sampled: {"role":"assistant","content":{"type":"text","text":"answer to sampling/createMessage"}}',
    );
  });

  it('opens the standalone GET stream after initialization and receives unrelated messages', async () => {
    const { handle } = await serve();
    const client = await connect(handle.url);
    await handshake(client);
    await client.session.request('tools/call', { name: 'broadcast' });
    await until(() => client.notifications.length > 0);
    expect(client.notifications).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'unrelated' },
      },
    ]);
  });

  it('resumes a stream the server closed, after its retry delay, with Last-Event-ID', async () => {
    const { handle } = await serve({ retryMs: 120 });
    const client = await connect(handle.url);
    await handshake(client);
    const started = Date.now();
    const result = await client.session.request('tools/call', { name: 'reconnect' });
    expect(textOf(result)).toBe('after reconnect');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('follows a polling server (closeStreamAfterPriming)', async () => {
    const { handle } = await serve({ retryMs: 20, closeStreamAfterPriming: true });
    const client = await connect(handle.url);
    await handshake(client);
    const progress: number[] = [];
    const result = await client.session.request(
      'tools/call',
      { name: 'progress' },
      {
        onProgress: (p) => progress.push(p.progress),
      },
    );
    expect([progress, result]).toEqual([[1, 2, 3], { content: [{ type: 'text', text: 'done' }] }]);
  });

  it('sends DELETE on close', async () => {
    const { handle } = await serve();
    const client = await connect(handle.url);
    await handshake(client);
    await client.session.close();
    // The handle exposes no count; a ping with the old id must now be 404.
    const res = await fetch(handle.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': client.transport.sessionId ?? '',
      },
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    });
    expect(res.status).toBe(404);
  });

  it('surfaces a clear error when the server forgot the session (404)', async () => {
    const { handle } = await serve();
    const client = await connect(handle.url);
    await handshake(client);
    const sessionId = client.transport.sessionId ?? '';
    await fetch(handle.url, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } });
    const failure = await client.session.request('ping').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpError);
    expect((failure as HttpError).status).toBe(404);
    expect((failure as HttpError).message).toBe(
      `Session ${sessionId} is unknown to the server (HTTP 404): it expired or was terminated; start a new session with initialize`,
    );
    expect(client.transport.sessionId).toBe(undefined);
    expect(client.errors).toContain(failure);
  });

  it('tolerates 405 on the GET stream (sessionless server) and sends custom headers', async () => {
    const { handle, server } = await serve({ sessions: 'stateless' });
    const client = await connect(handle.url, { headers: () => ({ Authorization: 'Bearer t' }) });
    await handshake(client);
    expect(await client.session.request('ping')).toEqual({});
    await new Promise((r) => setTimeout(r, 50));
    expect(client.errors).toEqual([]);
    expect(client.transport.sessionId).toBe(undefined);
    expect(server.log.handled.at(-1)?.info?.headers?.authorization).toBe('Bearer t');
  });

  it('uses a fetch override', async () => {
    const { handle } = await serve();
    const calls: string[] = [];
    const client = await connect(handle.url, {
      fetch: (url, init) => {
        calls.push(init.method ?? 'GET');
        return fetch(url, init);
      },
      standaloneStream: false,
    });
    await handshake(client);
    await client.session.close();
    expect(calls).toEqual(['POST', 'POST', 'DELETE']);
  });
});

describe('httpClientTransport (stateless era)', () => {
  const meta = (extra: JsonObject = {}) => ({ _meta: envelope(extra) });

  it('sends MCP-Protocol-Version from _meta, Mcp-Method and an encoded Mcp-Name; no session', async () => {
    const { handle, server } = await serve();
    const client = await connect(handle.url);
    const result = await client.session.request('tools/call', {
      name: 'café',
      arguments: { a: 1 },
      ...meta(),
    });
    expect(result).toEqual({ content: [{ type: 'text', text: '{"a":1}' }] });
    const headers = server.log.handled.at(-1)?.info?.headers ?? {};
    expect([
      headers['mcp-protocol-version'],
      headers['mcp-method'],
      headers['mcp-name'],
      headers['mcp-session-id'],
    ]).toEqual(['2026-07-28', 'tools/call', '=?base64?Y2Fmw6k=?=', undefined]);
  });

  it('mirrors x-mcp-header arguments learnt from tools/list into Mcp-Param-* headers', async () => {
    const { handle, server } = await serve();
    const client = await connect(handle.url);
    await client.session.request('tools/list', meta());
    await client.session.request('tools/call', {
      name: 'weather',
      arguments: { region: 'Zürich', days: 3, metric: true, note: 'x' },
      ...meta(),
    });
    const headers = server.log.handled.at(-1)?.info?.headers ?? {};
    const params = Object.fromEntries(
      Object.entries(headers).filter(([k]) => k.startsWith('mcp-param-')),
    );
    expect(params).toEqual({
      'mcp-param-region': '=?base64?WsO8cmljaA==?=',
      'mcp-param-days': '3',
      'mcp-param-metric': 'true',
    });
    await client.session.request('tools/call', { name: 'broken', arguments: { o: {} }, ...meta() });
    const brokenHeaders = Object.keys(server.log.handled.at(-1)?.info?.headers ?? {});
    expect(brokenHeaders.filter((k) => k.startsWith('mcp-param-'))).toEqual([]);
  });

  it('delivers the server’s -32022 with its data (HTTP 400 body)', async () => {
    const { handle } = await serve();
    const client = await connect(handle.url);
    const failure = await client.session
      .request('server/discover', meta({ [ENVELOPE_KEYS.protocolVersion]: 'v999.0.0' }))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(McpError);
    expect([(failure as McpError).code, (failure as McpError).data]).toEqual([
      -32022,
      { supported: ['2026-07-28'], requested: 'v999.0.0' },
    ]);
  });

  it('streams progress, and cancels by closing the request stream', async () => {
    const { handle, server } = await serve();
    const client = await connect(handle.url);
    const progress: number[] = [];
    await client.session.request(
      'tools/call',
      { name: 'progress', ...meta() },
      { onProgress: (p) => progress.push(p.progress) },
    );
    expect(progress).toEqual([1, 2, 3]);
    const abort = new AbortController();
    const listening = client.session
      .request(
        'subscriptions/listen',
        { notifications: {}, ...meta() },
        { signal: abort.signal, timeoutMs: 0 },
      )
      .catch((e: unknown) => e);
    await until(() => client.notifications.length > 0);
    expect(client.notifications[0]?.method).toBe('notifications/subscriptions/acknowledged');
    abort.abort();
    expect(((await listening) as Error).name).toBe('AbortError');
    await until(() => server.log.aborted.length > 0);
    expect(server.log.aborted.length).toBe(1);
    // Cancellation closed the stream: no notifications/cancelled was posted.
    expect(server.log.notifications).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(client.errors).toEqual([]);
  });
});

describe('httpClientTransport failure handling (fetch stubs)', () => {
  const sse = (text: string) =>
    new Response(text, { status: 200, headers: { 'content-type': 'text/event-stream' } });

  it('a stateless-era stream ending without a response fails that request', async () => {
    const client = await connect('http://127.0.0.1:9/mcp', {
      fetch: async () =>
        sse('event: message\ndata: {"jsonrpc":"2.0","method":"notifications/x"}\n\n'),
    });
    const failure = await client.session
      .request('tools/call', { name: 't', _meta: envelope() })
      .catch((e: unknown) => e);
    expect([(failure as McpError).code, (failure as McpError).message]).toEqual([
      -32000,
      'The server closed the response stream before answering',
    ]);
  });

  it('bounds reconnection attempts for a primed stream that never answers', async () => {
    const methods: string[] = [];
    const client = await connect('http://127.0.0.1:9/mcp', {
      fetch: async (_url, init) => {
        methods.push(init.method ?? 'GET');
        if (init.method === 'POST') return sse('id: e1\nretry: 5\ndata: \n\n');
        return new Response('busy', { status: 503 });
      },
      reconnect: { maxAttempts: 3 },
    });
    const failure = await client.session.request('ping').catch((e: unknown) => e);
    expect((failure as McpError).message).toBe(
      'The event stream could not be re-established after 3 attempts',
    );
    expect(methods).toEqual(['POST', 'GET', 'GET', 'GET']);
  });

  it('turns an HTML error page into an HttpError', async () => {
    const client = await connect('http://127.0.0.1:9/mcp', {
      fetch: async () =>
        new Response('<h1>Bad Gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const failure = await client.session.request('ping').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpError);
    expect([
      (failure as HttpError).status,
      (failure as HttpError).message,
      (failure as HttpError).body,
    ]).toEqual([502, 'HTTP 502 Bad Gateway', '<h1>Bad Gateway</h1>']);
  });
});
