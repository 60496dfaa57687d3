import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../src/node-handler.js';
import type { HttpHandlerOptions } from '../src/options.js';
import { createFakeServer } from './helpers/fake-server.js';
import { listen, openSession, postJson } from './helpers/node.js';
import { envelope, statelessHeaders } from './helpers/requests.js';
import { parseSse, readUntil, sseMessages } from './helpers/sse.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(options: HttpHandlerOptions = {}) {
  const server = createFakeServer();
  const handler = toNodeHandler(server, options);
  const http = await listen(handler);
  cleanups.push(() => http.close());
  return { ...http, handler, server };
}

const call = (id: number, name: string, extra: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name, ...extra },
});

const sessionHeaders = (id: string) => ({
  'mcp-session-id': id,
  'mcp-protocol-version': '2025-11-25',
});

function getStream(url: string, sessionId: string, lastEventId?: string, signal?: AbortSignal) {
  const headers: Record<string, string> = {
    accept: 'text/event-stream',
    ...sessionHeaders(sessionId),
  };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  return fetch(url, { headers, signal });
}

describe('toNodeHandler over loopback', () => {
  it('serves the handshake and requests without building web objects', async () => {
    const { url, handler } = await start();
    const id = await openSession(url);
    const res = await postJson(url, { jsonrpc: '2.0', id: 1, method: 'ping' }, sessionHeaders(id));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    expect(handler.sessionCount).toBe(1);
  });

  it('concurrent POST streams on one session (conformance server-sse-multiple-streams)', async () => {
    const { url } = await start();
    const id = await openSession(url);
    const headers = {
      'mcp-session-id': id,
      'mcp-protocol-version': '2025-03-26',
      accept: 'text/event-stream, application/json',
    };
    const responses = await Promise.all(
      [1000, 1001, 1002].map((n) =>
        postJson(url, { jsonrpc: '2.0', id: n, method: 'ping' }, headers),
      ),
    );
    expect(responses.map((r) => [r.status, r.headers.get('content-type')])).toEqual([
      [200, 'text/event-stream'],
      [200, 'text/event-stream'],
      [200, 'text/event-stream'],
    ]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(bodies.map((b) => [parseSse(b)[0]?.data, sseMessages(b)])).toEqual([
      ['', [{ jsonrpc: '2.0', id: 1000, result: {} }]],
      ['', [{ jsonrpc: '2.0', id: 1001, result: {} }]],
      ['', [{ jsonrpc: '2.0', id: 1002, result: {} }]],
    ]);
  });

  it('standalone GET: primed, carries unrelated messages, one at a time (409)', async () => {
    const { url } = await start({ retryMs: 300 });
    const id = await openSession(url);
    const get = await getStream(url, id);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('text/event-stream');
    const second = await getStream(url, id);
    expect(second.status).toBe(409);
    await second.text();
    const post = await postJson(url, call(1, 'broadcast'), sessionHeaders(id));
    expect(await post.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { content: [{ type: 'text', text: 'broadcast sent' }] },
    });
    const { text } = await readUntil(get.body!, (t) => t.includes('unrelated'));
    const events = parseSse(text);
    expect(events[0]).toEqual({
      id: `${id}:standalone#${events[0]?.id?.split('#')[1]}`,
      retry: 300,
      data: '',
    });
    expect(sseMessages(text)).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'unrelated' },
      },
    ]);
  });

  it('messages sent while no GET stream is open wait for the next one', async () => {
    const { url } = await start();
    const id = await openSession(url);
    await (await postJson(url, call(1, 'broadcast'), sessionHeaders(id))).text();
    const get = await getStream(url, id);
    const { text } = await readUntil(get.body!, (t) => t.includes('unrelated'));
    expect(sseMessages(text)).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'unrelated' },
      },
    ]);
  });

  it('a tool closing its own stream: priming + retry, then the result via GET + Last-Event-ID', async () => {
    const { url } = await start({ retryMs: 200 });
    const id = await openSession(url);
    const post = await postJson(url, call(1, 'reconnect', { _meta: { progressToken: 'r' } }), {
      'mcp-session-id': id,
      // The 0.1.16 harness sends this older header on a 2025-11-25 session.
      'mcp-protocol-version': '2025-03-26',
    });
    expect(post.headers.get('content-type')).toBe('text/event-stream');
    const first = parseSse(await post.text());
    expect(first.length).toBe(1);
    expect(first[0]).toEqual({ id: first[0]?.id, retry: 200, data: '' });
    const resumed = await getStream(url, id, first[0]?.id);
    expect(resumed.status).toBe(200);
    const replay = parseSse(await resumed.text());
    expect(replay.map((e) => JSON.parse(e.data))).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'r', progress: 1, total: 1 },
      },
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'after reconnect' }] } },
    ]);
    // Resuming again after the progress event replays only what followed it.
    const again = await getStream(url, id, replay[0]?.id);
    expect(sseMessages(await again.text())).toEqual([
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'after reconnect' }] } },
    ]);
  });

  it('closeStreamAfterPriming makes clients poll for every request stream', async () => {
    const { url } = await start({ closeStreamAfterPriming: true, retryMs: 100 });
    const id = await openSession(url);
    const post = await postJson(
      url,
      call(2, 'progress', { _meta: { progressToken: 'p' } }),
      sessionHeaders(id),
    );
    const [priming, ...rest] = parseSse(await post.text());
    expect(rest).toEqual([]);
    expect(priming?.retry).toBe(100);
    const resumed = await getStream(url, id, priming?.id);
    const messages = sseMessages(await resumed.text());
    expect(messages.length).toBe(4);
    expect(messages.at(-1)).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: { content: [{ type: 'text', text: 'done' }] },
    });
  });

  it('a dropped POST connection is not a cancellation: the result is still resumable', async () => {
    const { url } = await start();
    const id = await openSession(url);
    const abort = new AbortController();
    const post = await postJson(
      url,
      call(3, 'slow', { arguments: { ms: 150 } }),
      { ...sessionHeaders(id), accept: 'text/event-stream, application/json;q=0.5' },
      abort.signal,
    );
    const { text } = await readUntil(post.body!, (t) => t.includes('\n\n'));
    const priming = parseSse(text)[0];
    abort.abort();
    const resumed = await getStream(url, id, priming?.id);
    expect(sseMessages(await resumed.text())).toEqual([
      { jsonrpc: '2.0', id: 3, result: { content: [{ type: 'text', text: 'slept 150' }] } },
    ]);
  });

  it('never replays another session’s events', async () => {
    const { url } = await start();
    const a = await openSession(url);
    const b = await openSession(url);
    const post = await postJson(url, call(4, 'reconnect'), sessionHeaders(a));
    const [priming] = parseSse(await post.text());
    const abort = new AbortController();
    const foreign = await getStream(url, b, priming?.id, abort.signal);
    expect(foreign.status).toBe(200);
    const { text } = await readUntil(foreign.body!, (t) => t.includes('after reconnect'), 300);
    abort.abort();
    expect(sseMessages(text)).toEqual([]);
    expect(parseSse(text)[0]?.id?.startsWith(`${b}:standalone#`)).toBe(true);
  });

  it('DELETE ends open streams and the session', async () => {
    const { url, handler } = await start();
    const id = await openSession(url);
    const get = await getStream(url, id);
    const del = await fetch(url, { method: 'DELETE', headers: sessionHeaders(id) });
    expect(del.status).toBe(200);
    const { ended } = await readUntil(get.body!, () => false, 2000);
    expect(ended).toBe(true);
    expect(handler.sessionCount).toBe(0);
    expect(
      (await postJson(url, { jsonrpc: '2.0', id: 1, method: 'ping' }, sessionHeaders(id))).status,
    ).toBe(404);
  });

  it('a stateless-era client closing its stream aborts the request', async () => {
    const { url, server } = await start();
    const abort = new AbortController();
    const res = await postJson(
      url,
      {
        jsonrpc: '2.0',
        id: 9,
        method: 'subscriptions/listen',
        params: { notifications: {}, _meta: envelope() },
      },
      statelessHeaders('subscriptions/listen'),
      abort.signal,
    );
    await readUntil(res.body!, (t) => t.includes('acknowledged'));
    abort.abort();
    const deadline = Date.now() + 2000;
    while (server.log.aborted.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    expect(server.log.aborted).toEqual(['9']);
  });

  it('413 for an oversized chunked body, checked while streaming', async () => {
    const { url } = await start({ maxBodyBytes: 1024 });
    const chunk = new TextEncoder().encode(' '.repeat(512));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Payload Too Large: the request body exceeds 1024 bytes' },
    });
  });

  it('uses a body a framework already parsed', async () => {
    const handler = toNodeHandler(createFakeServer(), { sessions: 'stateless' });
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        (req as typeof req & { body?: unknown }).body = { ...JSON.parse(text), id: 'parsed' };
        handler(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      await handler.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
    const res = await postJson(url, { jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: 'parsed', result: {} });
  });
});
