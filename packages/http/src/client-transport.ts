import {
  ConnectionClosedError,
  isRequest,
  type JsonRpcMessage,
  type JsonRpcRequest,
  type RequestId,
  serializeMessage,
  type Transport,
  type TransportSink,
} from '@mcpkit/core';
import { createUndiciFetch, type FetchHandle, type FetchLike } from './client-fetch.js';
import {
  type ParamHeader,
  readParamHeaders,
  statelessHeaders,
  statelessVersion,
} from './client-headers.js';
import { HttpError, readHttpFailure } from './client-http-error.js';
import { StreamFollower, type StreamState } from './client-stream-follower.js';

export interface HttpClientTransportOptions {
  /** fetch implementation (default: undici on an Agent without body timeouts) */
  fetch?: FetchLike;
  /** extra headers on every request, e.g. Authorization; a function is called per request */
  headers?:
    | Record<string, string>
    | (() => Record<string, string> | Promise<Record<string, string>>);
  /** continue an existing session */
  sessionId?: string;
  /** `MCP-Protocol-Version` to send until one is negotiated (with `sessionId`) */
  protocolVersion?: string;
  /** open the standalone GET stream after initialization (default true; 405 is fine) */
  standaloneStream?: boolean;
  /** reconnecting broken event streams: attempts without progress (default 5), backoff when the server gave no `retry` */
  reconnect?: { maxAttempts?: number; initialDelayMs?: number; maxDelayMs?: number };
}

/** A Streamable HTTP client transport; session facts are readable for diagnostics and resumption. */
export interface HttpClientTransport extends Transport {
  readonly sessionId: string | undefined;
  readonly protocolVersion: string | undefined;
}

const ACCEPT = 'application/json, text/event-stream';

/**
 * Connect to a Streamable HTTP MCP endpoint (both protocol eras).
 * @example
 * const transport = httpClientTransport('http://127.0.0.1:3000/mcp', { headers: { authorization: 'Bearer …' } });
 */
export function httpClientTransport(
  url: string | URL,
  options: HttpClientTransportOptions = {},
): HttpClientTransport {
  return new ClientTransport(String(url), options);
}

class ClientTransport implements HttpClientTransport {
  sessionId: string | undefined;
  protocolVersion: string | undefined;
  private sink: TransportSink | undefined;
  private http: Promise<FetchHandle> | undefined;
  private readonly abort = new AbortController();
  private closed = false;
  /** in-flight initialize / tools/list requests whose results are sniffed */
  private readonly sniff = new Map<RequestId, string>();
  private readonly paramHeaders = new Map<string, ParamHeader[]>();
  /**
   * Calls that no session can find later (stateless era, or a server that issued no session
   * id): closing their stream is the only way to cancel them.
   */
  private readonly statelessCalls = new Map<RequestId, AbortController>();
  private readonly follower: StreamFollower;

  constructor(
    private readonly url: string,
    private readonly options: HttpClientTransportOptions,
  ) {
    this.sessionId = options.sessionId;
    this.protocolVersion = options.protocolVersion;
    this.follower = new StreamFollower({
      signal: this.abort.signal,
      reconnect: options.reconnect ?? {},
      open: (lastEventId) => this.openGet(lastEventId),
      deliver: (text, state) => this.deliverText(text, state),
      error: (error) => this.sink?.error(error),
      fail: (ids, reason) => {
        for (const id of ids)
          this.deliver({ jsonrpc: '2.0', id, error: { code: -32000, message: reason } });
      },
    });
  }

  start(sink: TransportSink): void {
    if (this.sink) throw new Error('HTTP client transport already started');
    this.sink = sink;
  }

  async send(message: JsonRpcMessage): Promise<void> {
    if (this.closed) throw new ConnectionClosedError();
    if ('method' in message && !('id' in message) && message.method === 'notifications/cancelled') {
      const call = this.statelessCalls.get(message.params?.requestId as RequestId);
      if (call) return call.abort(new Error('Cancelled'));
    }
    const version = statelessVersion(message);
    const headers = await this.headers(version === undefined);
    headers['content-type'] = 'application/json';
    headers.accept = ACCEPT;
    let signal = this.abort.signal;
    const id = isRequest(message) ? message.id : undefined;
    if (version !== undefined && isRequest(message)) {
      headers['mcp-protocol-version'] = version;
      statelessHeaders(message, this.paramHeaders, headers);
    }
    if (isRequest(message) && (version !== undefined || this.sessionless(message))) {
      const call = new AbortController();
      this.statelessCalls.set(message.id, call);
      signal = AbortSignal.any([signal, call.signal]);
    }
    if (
      isRequest(message) &&
      (message.method === 'initialize' || message.method === 'tools/list')
    ) {
      this.sniff.set(message.id, message.method);
    }
    try {
      await this.post(message, headers, signal, version !== undefined);
    } catch (error) {
      if (id !== undefined) this.forget(id);
      throw error;
    }
  }

  /** A handshake-era request to a server that answered initialize without a session id. */
  private sessionless(message: JsonRpcRequest): boolean {
    return (
      this.sessionId === undefined &&
      this.protocolVersion !== undefined &&
      message.method !== 'initialize'
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort(new ConnectionClosedError());
    const http = this.http ? await this.http.catch(() => undefined) : undefined;
    if (http && this.sessionId !== undefined) {
      try {
        const headers = await this.headers(true);
        const res = await http.fetch(this.url, {
          method: 'DELETE',
          headers,
          signal: AbortSignal.timeout(3000),
        });
        await res.body?.cancel();
      } catch {
        // The server may be gone already; the session then expires on its side.
      }
    }
    await http?.close().catch(() => {});
    this.sink?.close();
  }

  private async post(
    message: JsonRpcMessage,
    headers: Record<string, string>,
    signal: AbortSignal,
    stateless: boolean,
  ) {
    const { fetch } = await this.fetcher();
    const sentSession = headers['mcp-session-id'];
    const res = await fetch(this.url, {
      method: 'POST',
      headers,
      body: serializeMessage(message),
      signal,
    });
    const sessionId = res.headers.get('mcp-session-id');
    if (sessionId && !stateless) this.sessionId = sessionId;
    if (res.status === 202) {
      await res.body?.cancel();
      if ('method' in message && message.method === 'notifications/initialized')
        this.openStandalone();
      return;
    }
    if (!res.ok) {
      const failure = await readHttpFailure(
        res,
        isRequest(message) ? message.id : undefined,
        sentSession,
      );
      if (failure instanceof HttpError) {
        if (failure.status === 404 && sentSession !== undefined) {
          this.sessionId = undefined;
          this.sink?.error(failure);
        }
        throw failure;
      }
      this.deliver(failure);
      return;
    }
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('text/event-stream') && res.body) {
      const ids = isRequest(message) ? [message.id] : [];
      void this.follower.response(res.body, ids, { resumable: !stateless, signal });
      return;
    }
    if (type.includes('application/json')) {
      this.deliverText(await res.text());
      return;
    }
    await res.body?.cancel();
    if (isRequest(message))
      throw new HttpError(res.status, `Unexpected response content type ${JSON.stringify(type)}`);
  }

  private openStandalone(): void {
    if (this.options.standaloneStream === false || this.sessionId === undefined || this.closed)
      return;
    void this.follower.standalone();
  }

  private async openGet(lastEventId: string | undefined): Promise<Response> {
    const { fetch } = await this.fetcher();
    const headers = await this.headers(true);
    headers.accept = 'text/event-stream';
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    return fetch(this.url, { method: 'GET', headers, signal: this.abort.signal });
  }

  private async headers(handshake: boolean): Promise<Record<string, string>> {
    const custom =
      typeof this.options.headers === 'function'
        ? await this.options.headers()
        : this.options.headers;
    const headers: Record<string, string> = {};
    for (const name in custom) headers[name.toLowerCase()] = custom[name] as string;
    if (handshake && this.sessionId !== undefined) headers['mcp-session-id'] = this.sessionId;
    if (handshake && this.protocolVersion !== undefined)
      headers['mcp-protocol-version'] = this.protocolVersion;
    return headers;
  }

  private fetcher(): Promise<FetchHandle> {
    const custom = this.options.fetch;
    this.http ??= custom
      ? Promise.resolve({ fetch: custom, close: async () => {} })
      : createUndiciFetch();
    return this.http;
  }

  private deliverText(text: string, state?: StreamState): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.sink?.error(
        new Error(`Dropped a malformed message from the server: ${text.slice(0, 200)}`),
      );
      return;
    }
    for (const message of Array.isArray(value) ? value : [value]) {
      if (state && 'id' in message && !('method' in message)) state.pending.delete(message.id);
      this.deliver(message as JsonRpcMessage);
    }
  }

  private deliver(message: JsonRpcMessage): void {
    if (!('method' in message) && message.id !== null) {
      const kind = this.sniff.get(message.id);
      if (kind !== undefined && 'result' in message) {
        const result = message.result;
        if (kind === 'tools/list') readParamHeaders(result, this.paramHeaders);
        else if (typeof result.protocolVersion === 'string')
          this.protocolVersion = result.protocolVersion;
      }
      this.forget(message.id);
    }
    this.sink?.message(message);
  }

  private forget(id: RequestId): void {
    this.sniff.delete(id);
    this.statelessCalls.delete(id);
  }
}
