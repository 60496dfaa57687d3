import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerEndpoint } from '@mcpkit/core';
import { toNodeHandler } from './node-handler.js';
import type { HttpHandlerOptions } from './options.js';

export interface ServeHttpOptions extends HttpHandlerOptions {
  /** interface to bind (default 127.0.0.1: local servers should not listen on all interfaces) */
  host?: string;
  /** port (default 3000; 0 picks a free one) */
  port?: number;
  /** the MCP endpoint path (default /mcp); other paths get 404 */
  path?: string;
}

/** A running Streamable HTTP server. */
export interface HttpServerHandle {
  /** the endpoint URL, e.g. http://127.0.0.1:3000/mcp */
  readonly url: string;
  readonly port: number;
  /** end sessions and streams, then stop listening */
  close(): Promise<void>;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/**
 * Listen on node:http and serve `server` at one path.
 * @example
 * const { url, close } = await serveHttp(server, { port: 3000 });
 */
export async function serveHttp(
  server: ServerEndpoint,
  options: ServeHttpOptions = {},
): Promise<HttpServerHandle> {
  const { host = '127.0.0.1', port = 3000, path = '/mcp', ...handlerOptions } = options;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // The bound name is allowed as a Host; wildcard binds need explicit `allowedHosts`.
  const allowedHosts = WILDCARD.has(host)
    ? handlerOptions.allowedHosts
    : [...(handlerOptions.allowedHosts ?? []), urlHost];
  const handler = toNodeHandler(server, { ...handlerOptions, allowedHosts });
  const httpServer = createServer((req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    if ((query < 0 ? url : url.slice(0, query)) === path) return handler(req, res);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Not Found"}}');
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const bound = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${urlHost}:${bound}${path}`,
    port: bound,
    async close() {
      await handler.close();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
