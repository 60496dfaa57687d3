import {
  CancelledError,
  ConnectionClosedError,
  ErrorCode,
  McpError,
  toErrorObject,
} from './errors.js';
import {
  errorResponse,
  type JsonObject,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type RequestId,
} from './jsonrpc.js';
import { PendingRequest } from './pending-request.js';
import {
  InboundRequest,
  type OutboundRequestOptions,
  type SessionLink,
} from './request-context.js';
import type { MessageInfo, Transport } from './transport.js';

/** Answers one inbound request. Throw an McpError to answer with its code. */
export type RequestHandler = (request: InboundRequest) => JsonObject | Promise<JsonObject>;
export type NotificationHandler = (notification: JsonRpcNotification, info?: MessageInfo) => void;

export interface SessionOptions {
  transport: Transport;
  /** answers inbound requests; without it every request gets -32601 */
  onRequest?: RequestHandler;
  /** inbound notifications other than cancellation and progress of our own requests */
  onNotification?: NotificationHandler;
  /** non-fatal problems: undeliverable responses, transport frame errors, handler errors after close */
  onError?: (error: Error) => void;
  onClose?: (reason?: Error) => void;
  /** default per-request timeout in ms (60 000); 0 disables */
  timeoutMs?: number;
}

/** A live JSON-RPC peer over one transport: requests both ways, cancellation, progress, timeouts. */
export interface Session {
  start(): Promise<void>;
  request<T extends JsonObject = JsonObject>(
    method: string,
    params?: JsonObject,
    options?: OutboundRequestOptions,
  ): Promise<T>;
  notify(
    method: string,
    params?: JsonObject,
    options?: { relatedRequestId?: RequestId },
  ): Promise<void>;
  close(): Promise<void>;
  readonly closed: boolean;
  /** resolves once the session has closed, for whatever reason */
  readonly done: Promise<void>;
}

/**
 * Create a session over a transport. Call `start()` before use.
 * @example
 * const session = createSession({ transport, onRequest: (req) => ({ echo: req.params }) });
 * await session.start();
 */
export function createSession(options: SessionOptions): Session {
  const { transport, onRequest, onNotification, onError = () => {}, onClose } = options;
  const defaultTimeout = options.timeoutMs ?? 60_000;
  const pending = new Map<RequestId, PendingRequest>();
  const inbound = new Map<RequestId, InboundRequest>();
  let nextId = 0;
  let closed = false;
  let markDone!: () => void;
  const done = new Promise<void>((resolve) => (markDone = resolve));

  const send = (message: JsonRpcMessage, relatedRequestId?: RequestId): Promise<void> => {
    if (closed) return Promise.reject(new ConnectionClosedError());
    try {
      return Promise.resolve(
        relatedRequestId === undefined
          ? transport.send(message)
          : transport.send(message, { relatedRequestId }),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  };

  /**
   * Fire-and-forget `send` for answers: failures go to `onError`, as `send(…).catch(onError)`
   * did, without two promises per response when the transport sends synchronously.
   */
  const post = (message: JsonRpcMessage, relatedRequestId?: RequestId): void => {
    let sent: void | Promise<void>;
    try {
      if (closed) throw new ConnectionClosedError();
      sent =
        relatedRequestId === undefined
          ? transport.send(message)
          : transport.send(message, { relatedRequestId });
    } catch (error) {
      Promise.reject(error).catch(onError);
      return;
    }
    if (sent !== undefined) Promise.resolve(sent).catch(onError);
  };

  const notify = (
    method: string,
    params?: JsonObject,
    relatedRequestId?: RequestId,
  ): Promise<void> =>
    send(
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
      relatedRequestId,
    );

  const request = (
    method: string,
    params?: JsonObject,
    opts: OutboundRequestOptions = {},
  ): Promise<JsonObject> => {
    if (closed) return Promise.reject(new ConnectionClosedError());
    if (opts.signal?.aborted) return Promise.reject(new CancelledError(opts.signal.reason));
    const id = nextId++;
    let outParams = params;
    if (opts.onProgress) {
      // Our id doubles as the progress token: unique among our active requests by construction.
      const meta = { ...(params?._meta as JsonObject | undefined), progressToken: id };
      outParams = { ...params, _meta: meta };
    }
    return new Promise<JsonObject>((resolve, reject) => {
      const entry = new PendingRequest(id, method, opts, defaultTimeout, resolve, reject, {
        settle: (pid) => pending.delete(pid),
        cancel: (pid, reason) => {
          // initialize must never be cancelled (spec); others tell the peer to stop.
          if (method !== 'initialize') {
            notify(
              'notifications/cancelled',
              { requestId: pid, reason },
              opts.relatedRequestId,
            ).catch(onError);
          }
        },
      });
      pending.set(id, entry);
      const message: JsonRpcRequest =
        outParams === undefined
          ? { jsonrpc: '2.0', id, method }
          : { jsonrpc: '2.0', id, method, params: outParams };
      send(message, opts.relatedRequestId).catch((error) => entry.fail(error));
    });
  };

  const link: SessionLink = {
    notify: (method, params, relatedRequestId) => notify(method, params, relatedRequestId),
    request,
  };

  const respond = (req: InboundRequest, response: JsonRpcResponse) => {
    inbound.delete(req.id);
    // A cancelled request's late result is dropped, as the spec asks.
    if (req.cancelled || closed) return;
    post(response, req.id);
  };

  const handleRequest = (message: JsonRpcRequest, info?: MessageInfo) => {
    if (inbound.has(message.id)) {
      post(
        errorResponse(
          message.id,
          ErrorCode.InvalidRequest,
          `Invalid Request: id ${JSON.stringify(message.id)} is already in use by a request in flight`,
        ),
      );
      return;
    }
    const req = new InboundRequest(message, info, link);
    if (!onRequest) {
      post(
        errorResponse(message.id, ErrorCode.MethodNotFound, `Method not found: ${message.method}`),
      );
      return;
    }
    inbound.set(message.id, req);
    let result: JsonObject | Promise<JsonObject>;
    try {
      result = onRequest(req);
    } catch (error) {
      respond(req, { jsonrpc: '2.0', id: req.id, error: toErrorObject(error) });
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (value) => respond(req, { jsonrpc: '2.0', id: req.id, result: value }),
        (error) => respond(req, { jsonrpc: '2.0', id: req.id, error: toErrorObject(error) }),
      );
    } else {
      respond(req, { jsonrpc: '2.0', id: req.id, result });
    }
  };

  const handleNotification = (message: JsonRpcNotification, info?: MessageInfo) => {
    const params = message.params;
    if (message.method === 'notifications/cancelled') {
      const id = params?.requestId as RequestId | undefined;
      const req = id === undefined ? undefined : inbound.get(id);
      if (req) {
        inbound.delete(req.id);
        req.cancel(params?.reason ?? 'Cancelled by peer');
      }
      return;
    }
    if (message.method === 'notifications/progress') {
      const entry = pending.get(params?.progressToken as RequestId);
      if (entry?.progress(params as JsonObject)) return;
    }
    onNotification?.(message, info);
  };

  const handleResponse = (message: JsonRpcResponse) => {
    const entry = message.id === null ? undefined : pending.get(message.id);
    if (!entry) {
      onError(new Error(`Dropped a response for unknown request id ${JSON.stringify(message.id)}`));
      return;
    }
    if ('error' in message) entry.fail(McpError.fromObject(message.error));
    else entry.succeed(message.result);
  };

  const shutdown = (reason?: Error) => {
    if (closed) return;
    closed = true;
    const error = new ConnectionClosedError(
      reason ? `Connection closed: ${reason.message}` : 'Connection closed',
      { cause: reason },
    );
    for (const entry of [...pending.values()]) entry.fail(error);
    for (const req of inbound.values()) req.cancel(error);
    inbound.clear();
    onClose?.(reason);
    markDone();
  };

  return {
    async start() {
      await transport.start({
        message(message, info) {
          if (closed) return;
          if ('method' in message) {
            if ('id' in message) handleRequest(message, info);
            else handleNotification(message, info);
          } else handleResponse(message);
        },
        error: onError,
        close: shutdown,
      });
    },
    request: request as Session['request'],
    notify: (method, params, opts) => notify(method, params, opts?.relatedRequestId),
    async close() {
      if (closed) return;
      try {
        await transport.close();
      } finally {
        shutdown();
      }
    },
    get closed() {
      return closed;
    },
    done,
  };
}

/** Throw this from a request handler for methods it does not serve. */
export const methodNotFound = (method: string): McpError =>
  new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
