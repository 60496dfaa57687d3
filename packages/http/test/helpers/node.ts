import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NodeHttpHandler } from '../../src/node-handler.js';

/** Listen on 127.0.0.1, port 0. */
export async function listen(
  handler: NodeHttpHandler,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    server,
    async close() {
      await handler.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export const ACCEPT = 'application/json, text/event-stream';

/** POST one JSON body with the usual client headers. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: ACCEPT, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

/** initialize + initialized; returns the session id. */
export async function openSession(url: string, protocolVersion = '2025-11-25'): Promise<string> {
  const res = await postJson(url, {
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion, capabilities: {}, clientInfo: { name: 't', version: '1' } },
  });
  await res.text();
  const id = res.headers.get('mcp-session-id');
  if (!id) throw new Error(`no session id (HTTP ${res.status})`);
  const ack = await postJson(
    url,
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { 'mcp-session-id': id },
  );
  await ack.text();
  return id;
}
