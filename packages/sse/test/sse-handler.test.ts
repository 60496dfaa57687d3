import { afterEach, describe, expect, it } from 'vitest';
import { createSseHandler, type SseHandler, type SseHandlerOptions } from '../src/sse-handler.js';
import { eventReader, fakeServer } from './fixtures/fake-server.js';

const BASE = 'http://127.0.0.1:3000';
const handlers: SseHandler[] = [];

afterEach(async () => {
  for (const h of handlers.splice(0)) await h.close();
});

function setup(options: SseHandlerOptions = {}) {
  const server = fakeServer();
  let n = 0;
  const handler = createSseHandler(server, { generateSessionId: () => `s${++n}`, ...options });
  handlers.push(handler);
  return { server, handler };
}

async function openStream(handler: SseHandler, init: RequestInit = {}) {
  const response = await handler(new Request(`${BASE}/sse`, init));
  return { response, events: eventReader(response.body as ReadableStream<Uint8Array>) };
}

const post = (handler: SseHandler, body: string, path = '/messages?sessionId=s1', headers = {}) =>
  handler(new Request(`${BASE}${path}`, { method: 'POST', body, headers }));

describe('createSseHandler', () => {
  it('opens an event stream whose first event names the POST endpoint', async () => {
    const { handler } = setup();
    const { response, events } = await openStream(handler);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(await events.next()).toBe('event: endpoint\ndata: /messages?sessionId=s1');
    expect(handler.sessionCount).toBe(1);
  });

  it('takes a POSTed request (202) and answers on the stream as a message event', async () => {
    const { handler } = setup();
    const { events } = await openStream(handler);
    await events.next();
    const res = await post(handler, '{"jsonrpc":"2.0","id":1,"method":"echo","params":{"a":1}}');
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('Accepted');
    expect(await events.next()).toBe(
      'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"echoed":{"a":1}}}',
    );
  });

  it('gives handlers the session id and request headers', async () => {
    const { handler } = setup();
    const { events } = await openStream(handler);
    await events.next();
    await post(handler, '{"jsonrpc":"2.0","id":"w","method":"whoami"}', undefined, {
      'x-test': 'yes',
    });
    expect(await events.next()).toBe(
      'event: message\ndata: {"jsonrpc":"2.0","id":"w","result":{"sessionId":"s1","ua":"yes"}}',
    );
  });

  it('answers 404 for an unknown or missing session', async () => {
    const { handler } = setup();
    const body = '{"jsonrpc":"2.0","method":"x"}';
    for (const path of ['/messages?sessionId=nope', '/messages']) {
      const res = await post(handler, body, path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32000, message: 'Session not found' },
      });
    }
  });

  it('answers 400 with -32700 for malformed JSON and -32600 for a bad message', async () => {
    const { handler } = setup();
    const { events } = await openStream(handler);
    await events.next();
    const bad = await post(handler, '{"jsonrpc":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32700, message: expect.stringMatching(/^Parse error: /) },
    });
    const invalid = await post(handler, '[{"jsonrpc":"2.0","method":"x"}]');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32600,
        message: 'Invalid Request: batches are not supported; send one message at a time',
      },
    });
  });

  it('answers 413 for a body over the limit', async () => {
    const { handler } = setup({ maxBodyBytes: 32 });
    const { events } = await openStream(handler);
    await events.next();
    const res = await post(handler, `{"jsonrpc":"2.0","method":"${'x'.repeat(64)}"}`);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Request body exceeds 32 bytes' },
    });
  });

  it('refuses a foreign Host or Origin with 403 and admits loopback and listed ones', async () => {
    const { handler } = setup({
      allowedHosts: ['mcp.example.com'],
      allowedOrigins: ['https://app.example.com'],
    });
    const status = async (headers: Record<string, string>) =>
      (await handler(new Request(`${BASE}/nowhere`, { headers }))).status;
    expect(await status({ host: 'evil.example' })).toBe(403);
    expect(await status({ host: '127.0.0.1:3000', origin: 'https://evil.example' })).toBe(403);
    expect(await status({ host: 'localhost:9' })).toBe(404);
    expect(await status({ host: '[::1]:9', origin: 'http://localhost:5173' })).toBe(404);
    expect(await status({ host: 'mcp.example.com:443', origin: 'https://app.example.com' })).toBe(
      404,
    );
    const res = await handler(new Request(`${BASE}/sse`, { headers: { host: 'evil.example' } }));
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Forbidden: host "evil.example" is not allowed' },
    });
    expect(handler.sessionCount).toBe(0);
  });

  it('lets every host through with dnsRebindingProtection: false', async () => {
    const { handler } = setup({ dnsRebindingProtection: false });
    const res = await handler(new Request(`${BASE}/x`, { headers: { host: 'evil.example' } }));
    expect(res.status).toBe(404);
  });

  it('answers 405 with Allow for the wrong method', async () => {
    const { handler } = setup();
    const a = await handler(new Request(`${BASE}/sse`, { method: 'POST', body: '{}' }));
    const b = await handler(new Request(`${BASE}/messages`));
    expect([a.status, a.headers.get('allow'), b.status, b.headers.get('allow')]).toEqual([
      405,
      'GET',
      405,
      'POST',
    ]);
  });

  it('closing the GET stream closes that session', async () => {
    const { handler, server } = setup();
    const { events } = await openStream(handler);
    await events.next();
    await events.cancel();
    await server.connections[0]?.session.done;
    expect(server.connections[0]?.session.closed).toBe(true);
    expect(handler.sessionCount).toBe(0);
    expect((await post(handler, '{"jsonrpc":"2.0","method":"x"}')).status).toBe(404);
  });

  it('aborting the request signal closes that session', async () => {
    const { handler, server } = setup();
    const aborter = new AbortController();
    await openStream(handler, { signal: aborter.signal });
    aborter.abort();
    await server.connections[0]?.session.done;
    expect(handler.sessionCount).toBe(0);
  });

  it('close() ends every stream and session', async () => {
    const { handler, server } = setup();
    const one = await openStream(handler);
    const two = await openStream(handler);
    await one.events.next();
    await two.events.next();
    await handler.close();
    expect(await one.events.next()).toBeUndefined();
    expect(await two.events.next()).toBeUndefined();
    expect(server.connections.map((c) => c.session.closed)).toEqual([true, true]);
    expect(handler.sessionCount).toBe(0);
  });

  it('server-initiated messages go out as message events', async () => {
    const { handler, server } = setup();
    const { events } = await openStream(handler);
    await events.next();
    await server.connections[0]?.session.notify('notifications/message', {
      level: 'info',
      data: 'hi',
    });
    expect(await events.next()).toBe(
      'event: message\ndata: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"hi"}}',
    );
  });

  it('sends keep-alive comments on an idle stream', async () => {
    const { handler } = setup({ keepAliveMs: 10 });
    const response = await handler(new Request(`${BASE}/sse`));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (let i = 0; i < 50 && !text.includes(': keep-alive\n\n'); i++) {
      text += decoder.decode((await reader.read()).value);
    }
    expect(text).toBe('event: endpoint\ndata: /messages?sessionId=s1\n\n: keep-alive\n\n');
    await reader.cancel();
  });

  it('answers 413 from a declared Content-Length without reading the body', async () => {
    const { handler } = setup({ maxBodyBytes: 10 });
    const { events } = await openStream(handler);
    await events.next();
    const res = await post(handler, '{}', undefined, { 'content-length': '11' });
    expect(res.status).toBe(413);
  });
});
