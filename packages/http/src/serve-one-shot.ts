import {
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type MessageInfo,
  type ServerEndpoint,
  serializeMessage,
  toErrorObject,
} from '@mcpkit/core';
import type { HttpExchangeRequest, HttpExchangeResponse } from './exchange.js';
import { prefersEventStream } from './media-type.js';
import { JSON_HEADERS, replyError } from './reply.js';
import { SSE_HEADERS, SseWriter, sseMessage } from './sse-writer.js';
import { checkStatelessRequest, statusForResponse } from './stateless-ladder.js';

export interface OneShotContext {
  server: ServerEndpoint;
  keepAliveMs: number;
  jsonResponse: boolean;
  /** requests being served, so shutdown can abort them (ends listen streams) */
  inflight: Set<AbortController>;
}

/**
 * Serve one self-contained request through `server.handle`: a stateless-era request
 * (`strict`: header ladder, error codes mapped to 400/404) or a handshake-era request
 * on a sessionless server. JSON unless notifications come first or the client prefers
 * a stream; the client closing the response aborts the request.
 */
export async function serveOneShot(
  ctx: OneShotContext,
  req: HttpExchangeRequest,
  res: HttpExchangeResponse,
  message: JsonRpcRequest,
  options: { headers: Record<string, string>; strict: boolean },
): Promise<void> {
  const { headers, strict } = options;
  if (strict) {
    const failure = checkStatelessRequest(message, req.headers, ctx.server.protocolVersions);
    if (failure) {
      replyError(res, failure.status, headers, { ...failure, id: message.id });
      return;
    }
  }
  const controller = new AbortController();
  res.onDisconnect(() => controller.abort(new Error('The client closed the response stream')));
  const listen = message.method === 'subscriptions/listen';
  const out = new OneShotResponse(res, headers, ctx.keepAliveMs, {
    sse: listen || (!ctx.jsonResponse && prefersEventStream(req.headers.accept)),
    allowSse: listen || !ctx.jsonResponse,
  });
  if (listen) out.start();
  const info: MessageInfo = { headers: req.headers, signal: controller.signal };
  if (req.auth !== undefined) info.auth = req.auth;
  ctx.inflight.add(controller);
  let response: JsonRpcResponse;
  try {
    response = await ctx.server.handle(message, { info, notify: (n) => out.notify(n) });
  } catch (error) {
    response = { jsonrpc: '2.0', id: message.id, error: toErrorObject(error) };
  } finally {
    ctx.inflight.delete(controller);
  }
  out.finish(
    response,
    strict ? statusForResponse('error' in response ? response.error : undefined) : 200,
  );
}

/** A response that stays JSON until something must be streamed before the result. */
class OneShotResponse {
  private writer: SseWriter | undefined;
  private done = false;

  constructor(
    private readonly res: HttpExchangeResponse,
    private readonly headers: Record<string, string>,
    private readonly keepAliveMs: number,
    private readonly mode: { sse: boolean; allowSse: boolean },
  ) {}

  start(): SseWriter {
    if (!this.writer) {
      this.writer = new SseWriter(
        this.res.stream(200, { ...this.headers, ...SSE_HEADERS }),
        this.keepAliveMs,
      );
      this.res.onDisconnect(() => this.writer?.detach());
    }
    return this.writer;
  }

  notify(notification: JsonRpcNotification): void {
    // With JSON-only responses there is no channel for notifications of this request.
    if (this.done || !this.mode.allowSse) return;
    this.start().write(sseMessage(serializeMessage(notification)));
  }

  finish(response: JsonRpcResponse, status: number): void {
    if (this.done) return;
    this.done = true;
    const body = serializeMessage(response);
    if (this.writer || this.mode.sse) {
      const writer = this.start();
      writer.write(sseMessage(body));
      writer.end();
    } else {
      this.res.send(status, { ...this.headers, ...JSON_HEADERS }, body);
    }
  }
}
