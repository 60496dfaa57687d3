import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpServerHandle, serveHttp } from '../src/serve-http.js';
import { createFakeServer } from './helpers/fake-server.js';

const handles: HttpServerHandle[] = [];
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});

async function start(options: Parameters<typeof serveHttp>[1] = {}) {
  const handle = await serveHttp(createFakeServer(), { port: 0, ...options });
  handles.push(handle);
  return handle;
}

/** A raw request, so Host and Origin are exactly what the test says. */
function raw(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname.replace(/^\[|\]$/g, ''), port, path: pathname, method: 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const INIT =
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25"}}';
const HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

describe('serveHttp', () => {
  it('binds 127.0.0.1 at /mcp by default and reports its URL', async () => {
    const handle = await start();
    expect(handle.url).toBe(`http://127.0.0.1:${handle.port}/mcp`);
    const res = await fetch(`${handle.url}?x=1`, { method: 'POST', headers: HEADERS, body: INIT });
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).not.toBe(null);
  });

  it('404s other paths with a JSON-RPC body', async () => {
    const handle = await start({ path: '/rpc' });
    const res = await fetch(handle.url.replace('/rpc', '/other'), {
      method: 'POST',
      headers: HEADERS,
      body: INIT,
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Not Found' },
    });
  });

  it('guards against DNS rebinding (conformance dns-rebinding-protection)', async () => {
    const handle = await start();
    const evil = await raw(
      handle.url,
      { ...HEADERS, host: 'evil.example.com', origin: 'http://evil.example.com' },
      INIT,
    );
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: 'Forbidden: host "evil.example.com" is not allowed' },
    });
    const own = `127.0.0.1:${handle.port}`;
    expect(
      (await raw(handle.url, { ...HEADERS, host: own, origin: `http://${own}` }, INIT)).status,
    ).toBe(200);
    const local = `localhost:${handle.port}`;
    expect(
      (await raw(handle.url, { ...HEADERS, host: local, origin: `http://${local}` }, INIT)).status,
    ).toBe(200);
  });

  it('serves IPv6 loopback with a bracketed URL', async () => {
    const handle = await start({ host: '::1' });
    expect(handle.url).toBe(`http://[::1]:${handle.port}/mcp`);
    expect((await raw(handle.url, { ...HEADERS, host: `[::1]:${handle.port}` }, INIT)).status).toBe(
      200,
    );
  });

  it('allows the bound name as a Host', async () => {
    const handle = await start({ host: 'localhost' });
    expect(
      (await raw(handle.url, { ...HEADERS, host: `localhost:${handle.port}` }, INIT)).status,
    ).toBe(200);
  });

  it('close() ends sessions and frees the port', async () => {
    const handle = await serveHttp(createFakeServer(), { port: 0 });
    const get = await fetch(handle.url, { method: 'POST', headers: HEADERS, body: INIT });
    await get.text();
    await handle.close();
    await expect(
      fetch(handle.url, { method: 'POST', headers: HEADERS, body: INIT }),
    ).rejects.toThrow();
  });
});
