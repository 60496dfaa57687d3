import type { JsonRpcMessage, RequestId } from './jsonrpc.js';

/** Transport facts about one inbound message. Transports fill what they know. */
export interface MessageInfo {
  /** HTTP request headers, lower-cased names */
  headers?: Readonly<Record<string, string>>;
  /** the transport's session id, where it has one (Streamable HTTP, legacy SSE) */
  sessionId?: string;
  /** aborted when the channel that carries this request goes away (e.g. its HTTP stream closes) */
  signal?: AbortSignal;
  /** authentication facts a transport or middleware attached */
  auth?: unknown;
}

/** Per-message routing hints for an outbound message. */
export interface SendInfo {
  /** the inbound request this message belongs to: HTTP puts it on that request's stream */
  relatedRequestId?: RequestId;
}

/** Where a transport delivers what it receives. Passed once, to `start`. */
export interface TransportSink {
  message(message: JsonRpcMessage, info?: MessageInfo): void;
  /** a non-fatal problem (e.g. a malformed frame that was answered) */
  error(error: Error): void;
  /** the transport is gone; no more messages will arrive */
  close(reason?: Error): void;
}

/**
 * A bidirectional JSON-RPC message pipe. Create one with a plain function;
 * anything transport-specific belongs in that function's options or in `info`.
 * @example
 * const transport: Transport = {
 *   start(sink) { socket.onmessage = (e) => sink.message(JSON.parse(e.data)); },
 *   send(message) { socket.send(JSON.stringify(message)); },
 *   close() { socket.close(); },
 * };
 */
export interface Transport {
  start(sink: TransportSink): void | Promise<void>;
  send(message: JsonRpcMessage, info?: SendInfo): void | Promise<void>;
  close(): void | Promise<void>;
}
