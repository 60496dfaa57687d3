import {
  createMemoryTransportPair,
  createSession,
  type JsonObject,
  type JsonRpcNotification,
  type JsonRpcResponse,
  type MessageInfo,
  type RequestHandler,
  type ServerEndpoint,
  type Session,
} from '@mcpkit/core';

export const V = 'io.modelcontextprotocol/protocolVersion';
export const CAPS = 'io.modelcontextprotocol/clientCapabilities';
export const INFO = 'io.modelcontextprotocol/clientInfo';
export const LOG = 'io.modelcontextprotocol/logLevel';
export const SERVER_INFO = 'io.modelcontextprotocol/serverInfo';
export const SUB_ID = 'io.modelcontextprotocol/subscriptionId';

export interface RawClient extends AsyncDisposable {
  client: Session;
  notifications: JsonRpcNotification[];
  close(): Promise<void>;
}

/** A raw core session as the client, connected to `server` over the in-memory pair. */
export async function connectRaw(
  server: ServerEndpoint,
  options: { onRequest?: RequestHandler } = {},
): Promise<RawClient> {
  const [clientSide, serverSide] = createMemoryTransportPair({ serialize: true });
  const notifications: JsonRpcNotification[] = [];
  const client = createSession({
    transport: clientSide,
    onRequest: options.onRequest,
    onNotification: (n) => notifications.push(n),
  });
  await client.start();
  const connection = await server.connect(serverSide);
  const close = async () => {
    await client.close();
    await connection.close();
  };
  return { client, notifications, close, [Symbol.asyncDispose]: close };
}

/** connectRaw plus the handshake. */
export async function initialized(
  server: ServerEndpoint,
  options: { onRequest?: RequestHandler; capabilities?: JsonObject; protocolVersion?: string } = {},
): Promise<RawClient & { init: JsonObject }> {
  const raw = await connectRaw(server, options);
  const init = await raw.client.request('initialize', {
    protocolVersion: options.protocolVersion ?? '2025-11-25',
    capabilities: options.capabilities ?? {},
    clientInfo: { name: 'test-client', version: '1.0.0' },
  });
  await raw.client.notify('notifications/initialized');
  return Object.assign(raw, { init });
}

/** The `_meta` envelope of a stateless-era request. */
export function envelope(caps: JsonObject = {}, extra: JsonObject = {}): JsonObject {
  return {
    [V]: '2026-07-28',
    [CAPS]: caps,
    [INFO]: { name: 'test-client', version: '1.0.0' },
    ...extra,
  };
}

let nextId = 1;

/** One stateless-era request through `server.handle()`, with the notifications it produced. */
export async function handle(
  server: ServerEndpoint,
  method: string,
  params: JsonObject = {},
  options: { caps?: JsonObject; meta?: JsonObject; info?: MessageInfo; raw?: boolean } = {},
): Promise<{ response: JsonRpcResponse; notifications: JsonRpcNotification[] }> {
  const notifications: JsonRpcNotification[] = [];
  const withMeta = options.raw
    ? params
    : { ...params, _meta: envelope(options.caps, options.meta) };
  const response = await server.handle(
    { jsonrpc: '2.0', id: nextId++, method, params: withMeta },
    { info: options.info, notify: (n) => void notifications.push(n) },
  );
  return { response, notifications };
}

/** The result of a stateless-era request, failing the test on an error response. */
export async function result(
  server: ServerEndpoint,
  method: string,
  params: JsonObject = {},
  options: { caps?: JsonObject; meta?: JsonObject; info?: MessageInfo } = {},
): Promise<JsonObject> {
  const { response } = await handle(server, method, params, options);
  if ('error' in response) throw new Error(`unexpected error ${JSON.stringify(response.error)}`);
  return response.result;
}

/** The error of a stateless-era request. */
export async function failure(
  server: ServerEndpoint,
  method: string,
  params: JsonObject = {},
  options: { caps?: JsonObject; meta?: JsonObject; raw?: boolean } = {},
) {
  const { response } = await handle(server, method, params, options);
  if (!('error' in response))
    throw new Error(`expected an error, got ${JSON.stringify(response.result)}`);
  return response.error;
}

/** Strip the stateless-era decoration, to compare bodies. */
export function body(value: JsonObject): JsonObject {
  const { resultType: _r, _meta, ttlMs: _t, cacheScope: _c, ...rest } = value;
  const meta = { ...(_meta as JsonObject | undefined) };
  delete meta[SERVER_INFO];
  return Object.keys(meta).length > 0 ? { ...rest, _meta: meta } : rest;
}

export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
