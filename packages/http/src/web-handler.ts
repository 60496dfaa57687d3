import type { ServerEndpoint } from '@mcpkit/core';
import {
  BodyTooLargeError,
  type HttpExchangeRequest,
  type HttpExchangeResponse,
  type ResponseStream,
} from './exchange.js';
import type { HttpHandlerOptions } from './options.js';
import { createStreamableHttp } from './streamable-http.js';

/** A web-standard MCP endpoint; `close()` ends its sessions and streams. */
export type HttpHandler = ((request: Request) => Promise<Response>) & {
  close(): Promise<void>;
  /** live handshake-era sessions */
  readonly sessionCount: number;
};

/**
 * Serve a server over Streamable HTTP as a web-standard `(Request) => Promise<Response>`
 * handler (Bun, Deno, Cloudflare Workers, Hono, Next.js route handlers, …).
 * @example
 * const handler = createHttpHandler(server);
 * Bun.serve({ port: 3000, fetch: (req) => handler(req) });
 */
export function createHttpHandler(
  server: ServerEndpoint,
  options: HttpHandlerOptions = {},
): HttpHandler {
  const core = createStreamableHttp(server, options);
  const handler = (request: Request): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const res = new WebExchangeResponse(resolve, request.signal);
      // Resolves when an answer starts, which for session requests is after `handle` returns.
      core.handle(webExchangeRequest(request), res).catch(reject);
    });
  return Object.defineProperties(handler, {
    close: { value: () => core.close() },
    sessionCount: { get: () => core.sessionCount },
  }) as HttpHandler;
}

function webExchangeRequest(request: Request): HttpExchangeRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // Runtimes that hide Host from Headers still carry it in the URL.
  if (headers.host === undefined) headers.host = new URL(request.url).host;
  return {
    method: request.method.toUpperCase(),
    headers,
    async readBody(limit) {
      if (!request.body) return '';
      const reader = request.body.getReader();
      const decoder = new TextDecoder();
      let size = 0;
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => {});
          throw new BodyTooLargeError(limit);
        }
        text += decoder.decode(value, { stream: true });
      }
      return text + decoder.decode();
    },
  };
}

const encoder = new TextEncoder();

class WebExchangeResponse implements HttpExchangeResponse {
  private answered = false;
  private ended = false;
  private gone = false;
  private callbacks: Array<() => void> | undefined;

  constructor(
    private readonly resolve: (response: Response) => void,
    signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.disconnect(), { once: true });
  }

  send(status: number, headers: Record<string, string>, body?: string): void {
    if (this.answered) return;
    this.answered = true;
    this.ended = true;
    this.resolve(new Response(body ?? null, { status, headers }));
  }

  stream(status: number, headers: Record<string, string>): ResponseStream {
    if (this.answered) return { write() {}, end() {} };
    this.answered = true;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let closed = false;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      cancel: () => {
        closed = true;
        this.disconnect();
      },
    });
    this.resolve(new Response(body, { status, headers }));
    return {
      write: (chunk) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      },
      end: () => {
        if (closed) return;
        closed = true;
        this.ended = true;
        controller.close();
      },
    };
  }

  onDisconnect(callback: () => void): void {
    if (this.gone) {
      callback();
      return;
    }
    this.callbacks ??= [];
    this.callbacks.push(callback);
  }

  private disconnect(): void {
    if (this.ended || this.gone) return;
    this.gone = true;
    for (const callback of this.callbacks?.splice(0) ?? []) callback();
  }
}
