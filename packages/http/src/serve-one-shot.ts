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
  inflight: Set<{ abort(reason?: unknown): void }>;
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
  const info = new OneShotInfo(req, res);
  const listen = message.method === 'subscriptions/listen';
  const out = new OneShotResponse(res, headers, ctx.keepAliveMs, {
    sse: listen || (!ctx.jsonResponse && prefersEventStream(req.headers.accept)),
    allowSse: listen || !ctx.jsonResponse,
  });
  if (listen) out.start();
  ctx.inflight.add(info);
  let response: JsonRpcResponse;
  try {
    response = await ctx.server.handle(message, { info, notify: (n) => out.notify(n) });
  } catch (error) {
    response = { jsonrpc: '2.0', id: message.id, error: toErrorObject(error) };
  } finally {
    ctx.inflight.delete(info);
  }
  out.finish(
    response,
    strict ? statusForResponse('error' in response ? response.error : undefined) : 200,
  );
}

/**
 * The request's `MessageInfo`. Its abort signal is made only when someone reads it (a tool
 * that watches for cancellation, a listen stream): an AbortController plus a disconnect
 * listener per request were ~7% of a stateless call's CPU, and most calls never look.
 */
class OneShotInfo implements MessageInfo {
  readonly headers: Readonly<Record<string, string>>;
  readonly auth?: unknown;
  private controller: AbortController | undefined;
  /** why the request was aborted before anyone asked for the signal */
  private reason: Error | undefined;

  constructor(
    req: HttpExchangeRequest,
    private readonly res: HttpExchangeResponse,
  ) {
    this.headers = req.headers;
    if (req.auth !== undefined) this.auth = req.auth;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason);
      else
        this.res.onDisconnect(() => this.abort(new Error('The client closed the response stream')));
    }
    return this.controller.signal;
  }

  abort(reason: Error): void {
    if (this.controller) this.controller.abort(reason);
    else this.reason ??= reason;
  }
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
    // A refusal that nothing was streamed before keeps its HTTP status (e.g. 400 for -32020):
    // an SSE stream would have to say 200, and clients must accept JSON answers anyway.
    if (this.writer || (this.mode.sse && status === 200)) {
      const writer = this.start();
      writer.write(sseMessage(body));
      writer.end();
    } else {
      this.res.send(status, { ...this.headers, ...JSON_HEADERS }, body);
    }
  }
}
