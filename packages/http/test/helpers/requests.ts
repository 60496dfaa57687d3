import { ENVELOPE_KEYS, type JsonObject, STATELESS_PROTOCOL_VERSION } from '@mcpkit/core';
import type { HttpHandler } from '../../src/web-handler.js';

export const URL_ = 'http://127.0.0.1:3000/mcp';
export const ACCEPT = 'application/json, text/event-stream';

export const rpc = (id: number | string, method: string, params?: JsonObject): JsonObject =>
  params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params };

export const note = (method: string, params?: JsonObject): JsonObject =>
  params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };

/** A POST Request with the headers a well-behaved client sends. */
export function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: ACCEPT, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function request(method: string, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method, headers });
}

/** Run the handshake on a web handler; returns the session id. */
export async function initialize(
  handler: HttpHandler,
  protocolVersion = '2025-11-25',
): Promise<string> {
  const res = await handler(
    post(
      rpc(0, 'initialize', {
        protocolVersion,
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      }),
    ),
  );
  const id = res.headers.get('mcp-session-id');
  if (res.status !== 200 || !id) throw new Error(`initialize failed: ${res.status}`);
  await res.text();
  const done = await handler(post(note('notifications/initialized'), session(id, protocolVersion)));
  await done.text();
  return id;
}

export const session = (id: string, version = '2025-11-25'): Record<string, string> => ({
  'mcp-session-id': id,
  'mcp-protocol-version': version,
});

export const envelope = (overrides: JsonObject = {}): JsonObject => ({
  [ENVELOPE_KEYS.protocolVersion]: STATELESS_PROTOCOL_VERSION,
  [ENVELOPE_KEYS.clientCapabilities]: {},
  [ENVELOPE_KEYS.clientInfo]: { name: 't', version: '1' },
  ...overrides,
});

/** Headers of a well-formed stateless-era request. */
export function statelessHeaders(method: string, name?: string): Record<string, string> {
  const h: Record<string, string> = {
    'mcp-protocol-version': STATELESS_PROTOCOL_VERSION,
    'mcp-method': method,
  };
  if (name !== undefined) h['mcp-name'] = name;
  return h;
}
