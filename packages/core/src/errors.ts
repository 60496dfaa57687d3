/** JSON-RPC and MCP error codes. Codes from -32000 to -32019 are implementation-defined. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** handshake era only; 2026-07-28 answers unknown resources with InvalidParams */
  ResourceNotFound: -32002,
  UrlElicitationRequired: -32042,
  /** 2026-07-28: an HTTP header disagrees with the body */
  HeaderMismatch: -32020,
  /** 2026-07-28: the request did not declare a capability the operation needs */
  MissingRequiredClientCapability: -32021,
  /** 2026-07-28: the protocol version in `_meta` is not supported */
  UnsupportedProtocolVersion: -32022,
  /** local: the connection closed before a response arrived */
  ConnectionClosed: -32000,
  /** local: no response arrived in time */
  RequestTimeout: -32001,
} as const;

/** Shape of the `error` member of a JSON-RPC error response. */
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/**
 * A protocol error: thrown by handlers to answer with a specific code, and
 * raised on the requesting side when the peer answers with an error.
 * @example throw new McpError(ErrorCode.InvalidParams, 'Unknown tool: nope')
 */
export class McpError extends Error {
  override name = 'McpError';
  readonly code: number;
  readonly data?: unknown;

  constructor(code: number, message: string, data?: unknown, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    if (data !== undefined) this.data = data;
  }

  toJSON(): JsonRpcErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }

  static fromObject(error: JsonRpcErrorObject): McpError {
    return new McpError(error.code, error.message, error.data);
  }
}

/** The request got no response within its timeout (or its maximum total time). */
export class TimeoutError extends McpError {
  override name = 'TimeoutError';
  constructor(message: string, data?: unknown) {
    super(ErrorCode.RequestTimeout, message, data);
  }
}

/** The connection closed while a request was pending, or a request was made after close. */
export class ConnectionClosedError extends McpError {
  override name = 'ConnectionClosedError';
  constructor(message = 'Connection closed', options?: ErrorOptions) {
    super(ErrorCode.ConnectionClosed, message, undefined, options);
  }
}

/** The caller aborted the request; the peer was sent `notifications/cancelled`. */
export class CancelledError extends Error {
  override name = 'AbortError';
  constructor(readonly reason?: unknown) {
    super(
      typeof reason === 'string'
        ? reason
        : reason instanceof Error
          ? reason.message
          : 'Request cancelled',
    );
  }
}

/** Turn anything thrown by a handler into the error object sent on the wire. */
export function toErrorObject(error: unknown): JsonRpcErrorObject {
  if (error instanceof McpError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCode.InternalError, message: message || 'Internal error' };
}
