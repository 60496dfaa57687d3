import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerEndpoint } from '@mcpkit/core';
import {
  BodyTooLargeError,
  type HttpExchangeRequest,
  type HttpExchangeResponse,
  type ResponseStream,
} from './exchange.js';
import type { HttpHandlerOptions } from './options.js';
import { createStreamableHttp } from './streamable-http.js';

/** A node:http request listener serving MCP; `close()` ends its sessions and streams. */
export type NodeHttpHandler = ((req: IncomingMessage, res: ServerResponse) => void) & {
  close(): Promise<void>;
  /** live handshake-era sessions */
  readonly sessionCount: number;
};

/**
 * Serve a server over Streamable HTTP as a node:http listener (also fits Express,
 * Fastify's raw handlers, Koa's `ctx.req/res`). No web Request/Response per call.
 * A body already parsed by a framework (`req.body`) is used as is.
 * @example
 * const handler = toNodeHandler(server);
 * app.all('/mcp', (req, res) => handler(req, res));
 */
export function toNodeHandler(
  server: ServerEndpoint,
  options: HttpHandlerOptions = {},
): NodeHttpHandler {
  const core = createStreamableHttp(server, options);
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void core.handle(nodeExchangeRequest(req), new NodeExchangeResponse(res));
  };
  return Object.defineProperties(handler, {
    close: { value: () => core.close() },
    sessionCount: { get: () => core.sessionCount },
  }) as NodeHttpHandler;
}

function nodeExchangeRequest(
  req: IncomingMessage & { body?: unknown; auth?: unknown },
): HttpExchangeRequest {
  let headers = req.headers as Record<string, string>;
  for (const name in req.headers) {
    if (Array.isArray(req.headers[name])) {
      // Rare (e.g. repeated custom headers): copy once, joining repeats.
      headers = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      break;
    }
  }
  const consumed = req.readableEnded || req.complete;
  return {
    method: req.method ?? 'GET',
    headers,
    parsedBody: consumed ? req.body : undefined,
    auth: req.auth,
    readBody: (limit) => readNodeBody(req, limit),
  };
}

function readNodeBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Drain the rest so the 413 reaches a client that is still sending.
      req.off('data', onData);
      req.resume();
      reject(new BodyTooLargeError(limit));
    };
    req.on('data', onData);
    req.once('end', () =>
      resolve(
        chunks.length === 1
          ? (chunks[0] as Buffer).toString('utf8')
          : Buffer.concat(chunks).toString('utf8'),
      ),
    );
    req.once('error', reject);
  });
}

class NodeExchangeResponse implements HttpExchangeResponse {
  constructor(private readonly res: ServerResponse) {}

  send(status: number, headers: Record<string, string>, body?: string): void {
    const res = this.res;
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, headers);
    res.end(body);
  }

  stream(status: number, headers: Record<string, string>): ResponseStream {
    const res = this.res;
    if (res.headersSent) return { write() {}, end() {} };
    res.writeHead(status, headers);
    res.flushHeaders();
    return {
      write(chunk) {
        if (!res.writableEnded && !res.destroyed) res.write(chunk);
      },
      end() {
        if (!res.writableEnded) res.end();
      },
    };
  }

  onDisconnect(callback: () => void): void {
    const res = this.res;
    if (res.destroyed && !res.writableFinished) {
      callback();
      return;
    }
    res.once('close', () => {
      if (!res.writableFinished) callback();
    });
  }
}
