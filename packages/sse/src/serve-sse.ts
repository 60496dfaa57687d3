import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ServerEndpoint } from '@mcpkit/core';
import { createSseHandler, type SseHandler, type SseHandlerOptions } from './sse-handler.js';

/** @deprecated Legacy HTTP+SSE is for old peers only. */
export interface ServeSseOptions extends SseHandlerOptions {
  /** interface to bind (default 127.0.0.1: local only) */
  host?: string;
  /** port (default 0: any free port; read it from `url`) */
  port?: number;
  /** the event-stream path, as `server.listen({ path })` passes it (same as `ssePath`) */
  path?: string;
}

/** @deprecated A running legacy SSE server. */
export interface SseServer {
  /** the event-stream URL clients connect to, e.g. `http://127.0.0.1:8000/sse` */
  readonly url: string;
  /** end every session and stop listening */
  close(): Promise<void>;
}

/**
 * Serve the legacy HTTP+SSE transport on node:http.
 * @deprecated For old peers only; new servers should use `serveHttp` from `@mcpkit/http/node`.
 * @example
 * const { url, close } = await serveSse(server, { port: 8000 });
 */
export async function serveSse(
  server: ServerEndpoint,
  options: ServeSseOptions = {},
): Promise<SseServer> {
  const { host = '127.0.0.1', port = 0, path, ...rest } = options;
  const handlerOptions = { ...rest, ssePath: rest.ssePath ?? path ?? '/sse' };
  const handler = createSseHandler(server, handlerOptions);
  const httpServer = createServer((req, res) => {
    dispatch(handler, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(res.headersSent ? undefined : `Internal error: ${(error as Error).message}`);
    });
  });
  httpServer.listen(port, host);
  await once(httpServer, 'listening');
  const address = httpServer.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${handlerOptions.ssePath}`,
    async close() {
      await handler.close();
      const closed = once(httpServer, 'close');
      httpServer.close();
      httpServer.closeAllConnections();
      await closed;
    },
  };
}

async function dispatch(
  handler: SseHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const aborter = new AbortController();
  res.once('close', () => aborter.abort());
  let request: Request;
  try {
    request = toRequest(req, aborter.signal);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
    return;
  }
  const response = await handler(request);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.once('close', () => {
    reader.cancel().catch(() => {});
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    if (!res.write(value)) {
      await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  }
  res.end();
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  // The handler guards Host itself; a URL that does not parse is a bad request.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}
