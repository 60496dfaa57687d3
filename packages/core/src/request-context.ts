import type { JsonObject, JsonRpcRequest, RequestId } from './jsonrpc.js';
import type { MessageInfo } from './transport.js';

/** What the Session offers a request context for talking back to the peer. */
export interface SessionLink {
  notify(
    method: string,
    params: JsonObject | undefined,
    relatedRequestId: RequestId,
  ): Promise<void>;
  request(
    method: string,
    params: JsonObject | undefined,
    options: OutboundRequestOptions | undefined,
  ): Promise<JsonObject>;
}

/** Progress reported by the peer for a request we sent. */
export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

/** Options for one request we send. */
export interface OutboundRequestOptions {
  /** abort to cancel: the peer is sent `notifications/cancelled` and the call rejects */
  signal?: AbortSignal;
  /** ms without a response before the call fails (default: the session's); 0 disables */
  timeoutMs?: number;
  /** hard cap in ms across progress resets */
  maxTotalTimeoutMs?: number;
  /** restart the timeout each time progress arrives */
  resetTimeoutOnProgress?: boolean;
  /** asks the peer for progress (a progress token is added to `_meta`) */
  onProgress?: (progress: Progress) => void;
  /** the inbound request this one serves, so transports can route it onto that request's stream */
  relatedRequestId?: RequestId;
}

/**
 * One inbound request being handled. A class, not a closure bag: one allocation
 * per request, and the AbortController is only made if someone asks for `signal`.
 */
export class InboundRequest {
  readonly id: RequestId;
  readonly method: string;
  readonly params: JsonObject | undefined;
  readonly info: MessageInfo | undefined;
  /** set once the peer cancelled or the session closed: the result will be dropped */
  cancelled = false;
  private controller: AbortController | undefined;
  private readonly link: SessionLink;

  constructor(request: JsonRpcRequest, info: MessageInfo | undefined, link: SessionLink) {
    this.id = request.id;
    this.method = request.method;
    this.params = request.params;
    this.info = info;
    this.link = link;
  }

  /** aborted when the peer cancels, the session closes, or the carrying channel goes away */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.cancelled) this.controller.abort(new Error('Request cancelled'));
      const outer = this.info?.signal;
      if (outer) {
        if (outer.aborted) this.controller.abort(outer.reason);
        else outer.addEventListener('abort', () => this.cancel(outer.reason), { once: true });
      }
    }
    return this.controller.signal;
  }

  /** the peer's progress token, when it asked for progress */
  get progressToken(): string | number | undefined {
    const meta = this.params?._meta as JsonObject | undefined;
    const token = meta?.progressToken;
    return typeof token === 'string' || typeof token === 'number' ? token : undefined;
  }

  cancel(reason?: unknown): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.controller?.abort(
      reason instanceof Error ? reason : new Error(String(reason ?? 'Request cancelled')),
    );
  }

  /** send a notification tied to this request (HTTP puts it on this request's stream) */
  notify(method: string, params?: JsonObject): Promise<void> {
    return this.link.notify(method, params, this.id);
  }

  /** send a request to the peer on behalf of this one; aborted with it */
  request(
    method: string,
    params?: JsonObject,
    options?: OutboundRequestOptions,
  ): Promise<JsonObject> {
    return this.link.request(method, params, {
      signal: this.signal,
      ...options,
      relatedRequestId: this.id,
    });
  }

  /** report progress, if the peer asked for it */
  progress(progress: number, total?: number, message?: string): Promise<void> {
    const progressToken = this.progressToken;
    if (progressToken === undefined) return Promise.resolve();
    const params: JsonObject = { progressToken, progress };
    if (total !== undefined) params.total = total;
    if (message !== undefined) params.message = message;
    return this.notify('notifications/progress', params);
  }
}
