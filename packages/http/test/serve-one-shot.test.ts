import { ENVELOPE_KEYS } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler, type HttpHandler } from '../src/web-handler.js';
import { createFakeServer } from './helpers/fake-server.js';
import { envelope, note, post, request, rpc, statelessHeaders } from './helpers/requests.js';
import { parseSse, readUntil, sseMessages } from './helpers/sse.js';

let handler: HttpHandler;
let server: ReturnType<typeof createFakeServer>;
afterEach(async () => {
  await handler?.close();
});

const make = (options: Parameters<typeof createHttpHandler>[1] = {}) => {
  server = createFakeServer();
  handler = createHttpHandler(server, options);
  return handler;
};

const error = (id: number, code: number, message: string, data?: unknown) => ({
  jsonrpc: '2.0',
  id,
  error: data === undefined ? { code, message } : { code, message, data },
});

describe('stateless era (2026-07-28) over HTTP', () => {
  it('serves a cold request with no session: JSON, 200, no session id', async () => {
    const h = make();
    const res = await h(
      post(rpc(1, 'server/discover', { _meta: envelope() }), statelessHeaders('server/discover')),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).toBe(null);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { supportedVersions: ['2026-07-28'], capabilities: { tools: {} } },
    });
    expect(h.sessionCount).toBe(0);
  });

  it('passes lower-cased headers and an abort signal to server.handle', async () => {
    const h = make();
    await h(
      post(rpc(1, 'ping', { _meta: envelope() }), {
        ...statelessHeaders('ping'),
        'Mcp-Param-Region': 'eu',
      }),
    );
    const info = server.log.handled[0]?.info;
    expect(info?.headers?.['mcp-param-region']).toBe('eu');
    expect(info?.headers?.['mcp-method']).toBe('ping');
    expect(info?.signal).toBeInstanceOf(AbortSignal);
  });

  it('maps -32601 to 404 and -32021 to 400, echoing the id', async () => {
    const h = make();
    for (const method of ['initialize', 'logging/setLevel', 'unknown/method']) {
      const res = await h(post(rpc(4, method, { _meta: envelope() }), statelessHeaders(method)));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(error(4, -32601, `Method not found: ${method}`));
    }
    const res = await h(
      post(
        rpc(5, 'tools/call', { name: 'needs_sampling', _meta: envelope() }),
        statelessHeaders('tools/call', 'needs_sampling'),
      ),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(
      error(5, -32021, 'Missing capability', { requiredCapabilities: { sampling: {} } }),
    );
  });

  it('a refusal keeps its 4xx status even when the client prefers an event stream', async () => {
    const h = make();
    const res = await h(
      post(rpc(6, 'tools/call', { name: 'needs_sampling', _meta: envelope() }), {
        ...statelessHeaders('tools/call', 'needs_sampling'),
        accept: 'text/event-stream, application/json',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual(
      error(6, -32021, 'Missing capability', { requiredCapabilities: { sampling: {} } }),
    );
  });

  it('streams progress before the result, without event ids (no redelivery)', async () => {
    const h = make();
    const res = await h(
      post(
        rpc(6, 'tools/call', { name: 'progress', _meta: envelope({ progressToken: 'p' }) }),
        statelessHeaders('tools/call', 'progress'),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = parseSse(await res.text());
    expect(events.every((e) => e.id === undefined && e.retry === undefined)).toBe(true);
    expect(events.map((e) => JSON.parse(e.data))).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'p', progress: 1, total: 3 },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'p', progress: 2, total: 3 },
      },
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'p', progress: 3, total: 3 },
      },
      { jsonrpc: '2.0', id: 6, result: { content: [{ type: 'text', text: 'done' }] } },
    ]);
  });

  it('closing the response stream aborts the request (cancellation)', async () => {
    const h = make();
    const res = await h(
      post(
        rpc(7, 'subscriptions/listen', {
          notifications: { toolsListChanged: true },
          _meta: envelope(),
        }),
        statelessHeaders('subscriptions/listen'),
      ),
    );
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const { text } = await readUntil(res.body!, (t) => t.includes('acknowledged'));
    expect(sseMessages(text)).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { notifications: { toolsListChanged: true } },
      },
    ]);
    await res.body!.cancel();
    const deadline = Date.now() + 1000;
    while (server.log.aborted.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    expect(server.log.aborted).toEqual(['7']);
  });

  it('close() ends open listen streams', async () => {
    const h = make();
    const res = await h(
      post(
        rpc(8, 'subscriptions/listen', { notifications: {}, _meta: envelope() }),
        statelessHeaders('subscriptions/listen'),
      ),
    );
    await h.close();
    const messages = sseMessages(await res.text());
    expect(messages.at(-1)).toEqual({ jsonrpc: '2.0', id: 8, result: {} });
  });

  it('GET and DELETE are 405 in the stateless era', async () => {
    const h = make();
    for (const method of ['GET', 'DELETE']) {
      const res = await h(
        request(method, { 'mcp-protocol-version': '2026-07-28', accept: 'text/event-stream' }),
      );
      expect(res.status).toBe(405);
    }
  });

  it('posted notifications in the stateless era get 202', async () => {
    const h = make();
    const res = await h(
      post(note('notifications/cancelled', { requestId: 1 }), {
        'mcp-protocol-version': '2026-07-28',
      }),
    );
    expect(res.status).toBe(202);
  });
});

describe('sessions: "stateless" (handshake era without sessions)', () => {
  it('answers initialize without a session id and serves each POST on its own', async () => {
    const h = make({ sessions: 'stateless' });
    const init = await h(post(rpc(1, 'initialize', { protocolVersion: '2025-06-18' })));
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBe(null);
    expect(await init.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        protocolVersion: '2025-06-18',
        capabilities: { tools: {} },
        serverInfo: { name: 'fake', version: '1.0.0' },
      },
    });
    expect((await h(post(note('notifications/initialized')))).status).toBe(202);
    const ping = await h(post(rpc(2, 'ping'), { 'mcp-protocol-version': '2025-06-18' }));
    expect(await ping.json()).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    // Handshake-era errors stay HTTP 200.
    const unknown = await h(post(rpc(3, 'nope')));
    expect(unknown.status).toBe(200);
    expect(h.sessionCount).toBe(0);
  });

  it('405s GET and DELETE and 400s an unsupported version header', async () => {
    const h = make({ sessions: 'stateless' });
    const get = await h(request('GET', { accept: 'text/event-stream' }));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await h(request('DELETE'))).status).toBe(405);
    expect((await h(post(rpc(1, 'ping'), { 'mcp-protocol-version': '1.0' }))).status).toBe(400);
  });

  it('a stateless-era request still gets the strict ladder', async () => {
    const h = make({ sessions: 'stateless' });
    const res = await h(
      post(rpc(1, 'tools/list', { _meta: envelope() }), { 'mcp-protocol-version': '2026-07-28' }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(-32020);
  });

  it('envelope keys alone claim the stateless era', async () => {
    const h = make({ sessions: 'stateless' });
    const res = await h(
      post(rpc(1, 'tools/list', { _meta: { [ENVELOPE_KEYS.clientCapabilities]: {} } }), {}),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(-32020);
  });
});
