import {
  ErrorCode,
  errorResponse,
  isRequest,
  type JsonRpcMessage,
  type MessageInfo,
  type RequestId,
  type SendInfo,
  type ServerConnection,
  type Transport,
  type TransportSink,
} from '@mcpkit/core';
import type { EventStore } from './event-store.js';
import type { HttpExchangeRequest, HttpExchangeResponse } from './exchange.js';
import { prefersEventStream } from './media-type.js';
import { replyEmpty, replyError, TRANSPORT_ERROR } from './reply.js';
import { RequestStream, type StreamHost } from './request-stream.js';

/** `MessageInfo` as the HTTP transport fills it for handshake-era session messages. */
export interface HttpMessageInfo extends MessageInfo {
  /** end this request's SSE connection now; the client resumes with GET + Last-Event-ID */
  closeSseStream?: () => void;
  /** end the session's standalone GET connection; the client reconnects */
  closeStandaloneSseStream?: () => void;
}

export interface SessionContext {
  store: EventStore | undefined;
  keepAliveMs: number;
  retryMs: number;
  jsonResponse: boolean;
  closeStreamAfterPriming: boolean;
  onClosed(session: HttpSession): void;
}

/**
 * One handshake-era session: the `Transport` its server connection writes to, and
 * the router that puts each outbound message on exactly one HTTP stream — the POST
 * stream of the request it relates to, else the standalone GET stream.
 */
export class HttpSession implements Transport, StreamHost {
  /** negotiated protocol version, read from the initialize result passing through */
  protocolVersion: string | undefined;
  connection: ServerConnection | undefined;
  lastActivity = Date.now();
  /** the initialize request whose response carries the negotiated version */
  initializeId: RequestId | undefined;
  private sink: TransportSink | undefined;
  private readonly byRequest = new Map<RequestId, RequestStream>();
  private readonly byStream = new Map<string, RequestStream>();
  private readonly standalone: RequestStream;
  private closed = false;
  private counter = 0;

  constructor(
    readonly id: string,
    private readonly ctx: SessionContext,
  ) {
    this.standalone = new RequestStream(this, `${id}:standalone`, undefined, {});
  }

  get store(): EventStore | undefined {
    return this.ctx.store;
  }
  get keepAliveMs(): number {
    return this.ctx.keepAliveMs;
  }
  get retryMs(): number {
    return this.ctx.retryMs;
  }
  primes(): boolean {
    return this.protocolVersion !== undefined && this.protocolVersion >= '2025-11-25';
  }
  finished(stream: RequestStream): void {
    // Its request ids were already unmapped as each response passed through `send`.
    this.byStream.delete(stream.streamId);
  }

  /** busy sessions (requests in flight or a GET stream open) never expire */
  get busy(): boolean {
    return this.byRequest.size > 0 || this.standalone.connected;
  }

  // --- Transport (the server connection's side) ---

  start(sink: TransportSink): void {
    this.sink = sink;
  }

  send(message: JsonRpcMessage, info?: SendInfo): void {
    if (this.closed) throw new Error('HTTP session closed');
    if (!('method' in message)) {
      if (message.id !== null && message.id === this.initializeId) this.sniffInitialize(message);
      const stream = message.id === null ? undefined : this.byRequest.get(message.id);
      if (stream) {
        this.byRequest.delete(message.id as RequestId);
        stream.deliver(message);
        return;
      }
    } else if (info?.relatedRequestId !== undefined) {
      if (this.byRequest.get(info.relatedRequestId)?.deliver(message)) return;
    }
    this.standalone.deliver(message);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.standalone.terminate();
    for (const stream of this.byStream.values()) stream.terminate();
    this.byStream.clear();
    this.byRequest.clear();
    void this.ctx.store?.removeStream?.(this.standalone.streamId);
    this.ctx.onClosed(this);
    this.sink?.close();
  }

  /** End the session from the HTTP side (DELETE, idle expiry, shutdown). */
  async terminate(): Promise<void> {
    try {
      if (this.connection) await this.connection.close();
    } finally {
      this.close();
    }
  }

  // --- HTTP side ---

  /** Serve a POST of one message or a batch; `headers` go on whatever answers it. */
  post(
    messages: JsonRpcMessage[],
    batch: boolean,
    req: HttpExchangeRequest,
    res: HttpExchangeResponse,
    headers: Record<string, string>,
  ): void {
    this.lastActivity = Date.now();
    const info: HttpMessageInfo = { headers: req.headers, sessionId: this.id };
    if (req.auth !== undefined) info.auth = req.auth;
    let requests = 0;
    for (const m of messages) if (isRequest(m)) requests++;
    if (requests === 0) {
      for (const m of messages) this.sink?.message(m, info);
      replyEmpty(res, 202, headers);
      return;
    }
    const jsonOnly = this.ctx.jsonResponse;
    const stream = new RequestStream(
      this,
      `${this.id}:${++this.counter}`,
      { res, requests, batch, jsonOnly },
      headers,
    );
    this.byStream.set(stream.streamId, stream);
    info.closeSseStream = () => stream.closeConnection();
    info.closeStandaloneSseStream = () => this.standalone.closeConnection();
    const accepted: JsonRpcMessage[] = [];
    for (const m of messages) {
      if (isRequest(m) && this.byRequest.has(m.id)) {
        // Answered here: the session would route its error onto the other request's stream.
        const text = `Invalid Request: id ${JSON.stringify(m.id)} is already in use by a request in flight`;
        stream.deliver(errorResponse(m.id, ErrorCode.InvalidRequest, text));
        continue;
      }
      if (isRequest(m)) this.byRequest.set(m.id, stream);
      accepted.push(m);
    }
    if (this.ctx.closeStreamAfterPriming && this.store && this.primes()) stream.closeConnection();
    else if (prefersEventStream(req.headers.accept)) stream.startSse();
    for (const m of accepted) this.sink?.message(m, info);
  }

  /** Serve a GET: open the standalone stream, or resume any stream after `lastEventId`. */
  async get(
    res: HttpExchangeResponse,
    headers: Record<string, string>,
    lastEventId: string | undefined,
  ): Promise<void> {
    this.lastActivity = Date.now();
    const store = this.ctx.store;
    if (lastEventId !== undefined && store) {
      const replayed = await replay(store, lastEventId);
      // Events of other sessions are never replayed: such an id counts as unknown.
      if (replayed.streamId?.startsWith(`${this.id}:`)) {
        return this.resume(res, headers, replayed.streamId, replayed.events, lastEventId);
      }
    }
    if (this.standalone.connected) {
      replyError(res, 409, headers, {
        code: TRANSPORT_ERROR,
        message: 'Conflict: only one standalone SSE stream is allowed per session',
      });
      return;
    }
    this.standalone.open(res, headers);
  }

  private async resume(
    res: HttpExchangeResponse,
    headers: Record<string, string>,
    streamId: string,
    events: Array<[string, JsonRpcMessage]>,
    lastEventId: string,
  ): Promise<void> {
    const store = this.ctx.store as EventStore;
    const live =
      streamId === this.standalone.streamId ? this.standalone : this.byStream.get(streamId);
    const catchUp = async (after: string | undefined) =>
      (await replay(store, after ?? lastEventId)).events;
    if (live) return live.resume(res, headers, events, catchUp);
    // The stream already finished: replay what it sent and end.
    const finished = new RequestStream(this, streamId, undefined, {});
    finished.done = true;
    await finished.resume(res, headers, events, async () => []);
  }

  private sniffInitialize(message: JsonRpcMessage): void {
    this.initializeId = undefined;
    if ('result' in message) {
      const version = message.result.protocolVersion;
      if (typeof version === 'string') this.protocolVersion = version;
    } else {
      // A failed initialize leaves no session behind (after its answer is written).
      queueMicrotask(() => void this.terminate());
    }
  }
}

async function replay(
  store: EventStore,
  lastEventId: string,
): Promise<{ streamId: string | undefined; events: Array<[string, JsonRpcMessage]> }> {
  const events: Array<[string, JsonRpcMessage]> = [];
  const streamId = await store.replayEventsAfter(lastEventId, (id, message) => {
    events.push([id, message]);
  });
  return { streamId, events };
}
