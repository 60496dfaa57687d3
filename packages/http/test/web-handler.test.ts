import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler, type HttpHandler } from '../src/web-handler.js';
import { createFakeServer } from './helpers/fake-server.js';
import { initialize, note, post, request, rpc, session } from './helpers/requests.js';
import { parseSse, sseMessages } from './helpers/sse.js';

let handler: HttpHandler;
afterEach(async () => {
  await handler?.close();
});

const make = (options: Parameters<typeof createHttpHandler>[1] = {}) => {
  handler = createHttpHandler(createFakeServer(), options);
  return handler;
};

const TRANSPORT_ERROR = (message: string) => ({
  jsonrpc: '2.0',
  id: null,
  error: { code: -32000, message },
});

describe('createHttpHandler: session lifecycle', () => {
  it('issues a random visible-ASCII session id on initialize and answers in JSON', async () => {
    const h = make();
    const res = await h(
      post(
        rpc(1, 'initialize', {
          protocolVersion: '2025-11-25',
          capabilities: {},
          clientInfo: { name: 'c', version: '1' },
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const id = res.headers.get('mcp-session-id') ?? '';
    expect(id).toMatch(/^[\x21-\x7e]{32,}$/);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        protocolVersion: '2025-11-25',
        capabilities: { tools: {} },
        serverInfo: { name: 'fake', version: '1.0.0' },
      },
    });
    expect(h.sessionCount).toBe(1);
    const other = await initialize(h);
    expect(other).not.toBe(id);
  });

  it('answers notifications with 202 and an empty body', async () => {
    const h = make();
    const id = await initialize(h);
    const res = await h(post(note('notifications/roots/list_changed'), session(id)));
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
  });

  it('routes requests on the session and echoes ids', async () => {
    const h = make();
    const id = await initialize(h);
    const res = await h(post(rpc('p1', 'ping'), session(id)));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: 'p1', result: {} });
  });

  it('requires a session id on non-initialize requests (400) and 404s unknown ids', async () => {
    const h = make();
    const missing = await h(post(rpc(1, 'ping')));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual(
      TRANSPORT_ERROR('Bad Request: the Mcp-Session-Id header is required'),
    );
    const unknown = await h(post(rpc(1, 'ping'), session('nope')));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(
      TRANSPORT_ERROR('Session not found: initialize a new session'),
    );
  });

  it('DELETE ends the session; the id then gets 404', async () => {
    const h = make();
    const id = await initialize(h);
    const del = await h(request('DELETE', session(id)));
    expect(del.status).toBe(200);
    expect(h.sessionCount).toBe(0);
    const after = await h(post(rpc(2, 'ping'), session(id)));
    expect(after.status).toBe(404);
    const again = await h(request('DELETE', session(id)));
    expect(again.status).toBe(404);
  });

  it('refuses a second initialize on an existing session', async () => {
    const h = make();
    const id = await initialize(h);
    const res = await h(post(rpc(9, 'initialize', { protocolVersion: '2025-11-25' }), session(id)));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600, message: 'Invalid Request: the session is already initialized' },
    });
  });

  it('caps live sessions with 503', async () => {
    const h = make({ maxSessions: 1 });
    await initialize(h);
    const res = await h(post(rpc(1, 'initialize', { protocolVersion: '2025-11-25' })));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(TRANSPORT_ERROR('Service Unavailable: too many sessions'));
  });

  it('expires idle sessions', async () => {
    const h = make({ sessionIdleTimeoutMs: 40 });
    const id = await initialize(h);
    expect(h.sessionCount).toBe(1);
    const deadline = Date.now() + 2000;
    while (h.sessionCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(h.sessionCount).toBe(0);
    expect((await h(post(rpc(1, 'ping'), session(id)))).status).toBe(404);
  });

  it('after close() every request gets 503 and sessions are gone', async () => {
    const h = make();
    await initialize(h);
    await h.close();
    expect(h.sessionCount).toBe(0);
    const res = await h(post(rpc(1, 'initialize', { protocolVersion: '2025-11-25' })));
    expect(res.status).toBe(503);
  });
});

describe('createHttpHandler: HTTP rules', () => {
  it('406 when Accept lacks a required type; 415 for a non-JSON body', async () => {
    const h = make();
    const init = rpc(1, 'initialize', { protocolVersion: '2025-11-25' });
    const jsonOnly = await h(post(init, { accept: 'application/json' }));
    expect(jsonOnly.status).toBe(406);
    expect(await jsonOnly.json()).toEqual(
      TRANSPORT_ERROR('Not Acceptable: Accept must allow application/json and text/event-stream'),
    );
    expect((await h(post(init, { accept: 'text/event-stream' }))).status).toBe(406);
    const text = await h(post(init, { 'content-type': 'text/plain' }));
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual(
      TRANSPORT_ERROR('Unsupported Media Type: Content-Type must be application/json'),
    );
    expect(
      (await h(post(init, { 'content-type': 'application/json; charset=utf-8' }))).status,
    ).toBe(200);
  });

  it('jsonResponse mode only needs application/json in Accept', async () => {
    const h = make({ jsonResponse: true });
    const res = await h(
      post(rpc(1, 'initialize', { protocolVersion: '2025-11-25' }), { accept: 'application/json' }),
    );
    expect(res.status).toBe(200);
  });

  it('405 with Allow for other methods', async () => {
    const h = make();
    const res = await h(request('PUT'));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, DELETE, OPTIONS');
    expect(await res.json()).toEqual(TRANSPORT_ERROR('Method Not Allowed'));
  });

  it('malformed JSON gets 400 with a -32700 JSON body, never HTML', async () => {
    const h = make();
    const res = await h(post('{"jsonrpc": "2.0", '));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { error: { code: number }; id: null };
    expect(body.id).toBe(null);
    expect(body.error.code).toBe(-32700);
  });

  it('a JSON value that is no JSON-RPC message gets 400 -32600', async () => {
    const h = make();
    const res = await h(post({ jsonrpc: '1.0', id: 3, method: 'ping' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32600, message: 'Invalid Request: jsonrpc must be "2.0"' },
    });
  });

  it('413 past the body limit, whether declared or streamed', async () => {
    const h = make({ maxBodyBytes: 64 });
    const big = JSON.stringify(rpc(1, 'initialize', { pad: 'x'.repeat(100) }));
    const declared = await h(post(big));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual(
      TRANSPORT_ERROR('Payload Too Large: the request body exceeds 64 bytes'),
    );
    const chunks = new TextEncoder().encode(big);
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(chunks.slice(0, 50));
        c.enqueue(chunks.slice(50));
        c.close();
      },
    });
    const req = new Request('http://127.0.0.1/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: streamed,
      duplex: 'half',
    } as RequestInit);
    expect((await h(req)).status).toBe(413);
  });

  it('checks MCP-Protocol-Version on sessions: unsupported 400, absent or any supported accepted', async () => {
    const h = make();
    const id = await initialize(h);
    const bad = await h(
      post(rpc(1, 'ping'), { 'mcp-session-id': id, 'mcp-protocol-version': '1999-01-01' }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual(
      TRANSPORT_ERROR('Bad Request: unsupported MCP-Protocol-Version "1999-01-01"'),
    );
    // The 0.1.16 conformance harness sends 2025-03-26 on a 2025-11-25 session.
    const older = await h(
      post(rpc(2, 'ping'), { 'mcp-session-id': id, 'mcp-protocol-version': '2025-03-26' }),
    );
    expect(older.status).toBe(200);
    const absent = await h(post(rpc(3, 'ping'), { 'mcp-session-id': id }));
    expect(absent.status).toBe(200);
  });

  it('accepts batches only on 2025-03-26 sessions', async () => {
    const h = make();
    const modern = await initialize(h, '2025-11-25');
    const refused = await h(post([rpc(1, 'ping'), rpc(2, 'ping')], session(modern)));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32600,
        message: 'Invalid Request: batches are accepted only on 2025-03-26 sessions',
      },
    });
    const old = await initialize(h, '2025-03-26');
    const res = await h(
      post([rpc(1, 'ping'), note('notifications/x'), rpc(2, 'ping')], session(old, '2025-03-26')),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', id: 2, result: {} },
    ]);
    const onlyNotes = await h(post([note('notifications/x')], session(old, '2025-03-26')));
    expect(onlyNotes.status).toBe(202);
    const empty = await h(post([], session(old, '2025-03-26')));
    expect(empty.status).toBe(400);
  });
});

describe('createHttpHandler: response streams', () => {
  it('switches to SSE when notifications precede the result, priming first on 2025-11-25', async () => {
    const h = make({ retryMs: 250 });
    const id = await initialize(h);
    const res = await h(
      post(
        rpc(7, 'tools/call', { name: 'progress', _meta: { progressToken: 'tok' } }),
        session(id),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = parseSse(await res.text());
    expect(events[0]).toEqual({
      id: `${id}:2#${events[0]?.id?.split('#')[1]}`,
      retry: 250,
      data: '',
    });
    expect(events.slice(1).map((e) => [e.event, typeof e.id, JSON.parse(e.data)])).toEqual([
      [
        'message',
        'string',
        {
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: 'tok', progress: 1, total: 3 },
        },
      ],
      [
        'message',
        'string',
        {
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: 'tok', progress: 2, total: 3 },
        },
      ],
      [
        'message',
        'string',
        {
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: 'tok', progress: 3, total: 3 },
        },
      ],
      [
        'message',
        'string',
        { jsonrpc: '2.0', id: 7, result: { content: [{ type: 'text', text: 'done' }] } },
      ],
    ]);
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not prime streams of sessions older than 2025-11-25', async () => {
    const h = make();
    const id = await initialize(h, '2025-06-18');
    const res = await h(
      post(
        rpc(7, 'tools/call', { name: 'progress', _meta: { progressToken: 1 } }),
        session(id, '2025-06-18'),
      ),
    );
    const events = parseSse(await res.text());
    expect(events.length).toBe(4);
    expect(events.every((e) => e.data !== '' && e.id !== undefined)).toBe(true);
  });

  it('streams when Accept ranks text/event-stream above JSON', async () => {
    const h = make();
    const id = await initialize(h);
    const res = await h(
      post(rpc(3, 'ping'), { ...session(id), accept: 'text/event-stream, application/json;q=0.5' }),
    );
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(sseMessages(await res.text())).toEqual([{ jsonrpc: '2.0', id: 3, result: {} }]);
  });

  it('jsonResponse never streams a POST: related notifications go to the GET stream', async () => {
    const h = make({ jsonResponse: true });
    const id = await initialize(h);
    const get = await h(request('GET', { ...session(id), accept: 'text/event-stream' }));
    const res = await h(
      post(rpc(7, 'tools/call', { name: 'progress', _meta: { progressToken: 'k' } }), session(id)),
    );
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: { content: [{ type: 'text', text: 'done' }] },
    });
    await h.close();
    const progress = sseMessages(await get.text());
    expect(progress.length).toBe(3);
  });

  it('answers a duplicate in-flight request id with an error and keeps the first', async () => {
    const h = make();
    const id = await initialize(h);
    const first = h(
      post(rpc(5, 'tools/call', { name: 'slow', arguments: { ms: 80 } }), session(id)),
    );
    await new Promise((r) => setTimeout(r, 10));
    const dup = await h(post(rpc(5, 'ping'), session(id)));
    expect(await dup.json()).toEqual({
      jsonrpc: '2.0',
      id: 5,
      error: {
        code: -32600,
        message: 'Invalid Request: id 5 is already in use by a request in flight',
      },
    });
    expect(await (await first).json()).toEqual({
      jsonrpc: '2.0',
      id: 5,
      result: { content: [{ type: 'text', text: 'slept 80' }] },
    });
  });

  it('puts server-to-client requests on the stream of the request that caused them', async () => {
    const h = make();
    const id = await initialize(h);
    const res = await h(post(rpc(11, 'tools/call', { name: 'ask' }), session(id)));
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('sampling/createMessage')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    const [asked] = sseMessages(text) as Array<{ id: number; method: string }>;
    expect(asked?.method).toBe('sampling/createMessage');
    const answer = await h(
      post(
        {
          jsonrpc: '2.0',
          id: asked!.id,
          result: { role: 'assistant', content: { type: 'text', text: 'hi' } },
        },
        session(id),
      ),
    );
    expect(answer.status).toBe(202);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(sseMessages(text).at(-1)).toEqual({
      jsonrpc: '2.0',
      id: 11,
      result: {
        content: [
          {
            type: 'text',
            text: 'sampled: {"role":"assistant","content":{"type":"text","text":"hi"}}',
          },
        ],
      },
    });
  });
});
