import { ErrorCode, type JsonRpcErrorObject } from './errors.js';

/** A request id: a string or a safe integer (never null). */
export type RequestId = string | number;

/** Params and results are always JSON objects. */
export type JsonObject = { [key: string]: unknown };

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: JsonObject;
}

export interface JsonRpcNotification {
  jsonrpc: '2.0';
  method: string;
  params?: JsonObject;
}

export interface JsonRpcSuccess {
  jsonrpc: '2.0';
  id: RequestId;
  result: JsonObject;
}

export interface JsonRpcErrorResponse {
  jsonrpc: '2.0';
  /** null only when the request's id could not be read */
  id: RequestId | null;
  error: JsonRpcErrorObject;
}

export type JsonRpcResponse = JsonRpcSuccess | JsonRpcErrorResponse;
export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;

/** Result of decoding untrusted input: a message, or the error response to send back. */
export type DecodeResult<T = JsonRpcMessage> =
  | { ok: true; message: T }
  | { ok: false; error: JsonRpcErrorResponse };

export const isRequest = (m: JsonRpcMessage): m is JsonRpcRequest => 'method' in m && 'id' in m;
export const isNotification = (m: JsonRpcMessage): m is JsonRpcNotification =>
  'method' in m && !('id' in m);
export const isResponse = (m: JsonRpcMessage): m is JsonRpcResponse => !('method' in m);
export const isErrorResponse = (m: JsonRpcMessage): m is JsonRpcErrorResponse => 'error' in m;

export function errorResponse(
  id: RequestId | null,
  code: number,
  message: string,
  data?: unknown,
): JsonRpcErrorResponse {
  const error: JsonRpcErrorObject =
    data === undefined ? { code, message } : { code, message, data };
  return { jsonrpc: '2.0', id, error };
}

export const successResponse = (id: RequestId, result: JsonObject): JsonRpcSuccess => ({
  jsonrpc: '2.0',
  id,
  result,
});

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readId(raw: JsonObject): RequestId | null | undefined {
  const id = raw.id;
  if (typeof id === 'string') return id;
  // Ids beyond 2^53 already lost precision in JSON.parse; echoing a different
  // number would silently misroute the answer, so such ids are refused.
  if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  return id === undefined ? undefined : null;
}

const invalid = (id: RequestId | null, why: string): DecodeResult<never> => ({
  ok: false,
  error: errorResponse(id, ErrorCode.InvalidRequest, `Invalid Request: ${why}`),
});

/**
 * Check that an already-parsed JSON value is one JSON-RPC 2.0 message.
 * Shape checks only: method params are checked by their handlers.
 */
export function decodeMessage(value: unknown): DecodeResult {
  if (Array.isArray(value))
    return invalid(null, 'batches are not supported; send one message at a time');
  if (!isObject(value)) return invalid(null, 'a message must be a JSON object');
  const id = readId(value);
  if (value.jsonrpc !== '2.0') return invalid(id ?? null, 'jsonrpc must be "2.0"');
  if ('method' in value) {
    if (typeof value.method !== 'string' || value.method === '')
      return invalid(id ?? null, 'method must be a non-empty string');
    if (value.params !== undefined && !isObject(value.params))
      return invalid(id ?? null, 'params must be an object');
    if (id === null) {
      return invalid(null, 'id must be a string or an integer within ±2^53 (and never null)');
    }
    return { ok: true, message: value as unknown as JsonRpcRequest | JsonRpcNotification };
  }
  if (id === undefined || id === null) {
    // A response we cannot correlate; error responses may carry id null.
    if ('error' in value && value.id === null && isErrorObject(value.error)) {
      return { ok: true, message: value as unknown as JsonRpcErrorResponse };
    }
    return invalid(null, 'a response needs a string or integer id');
  }
  if ('result' in value) {
    if (!isObject(value.result)) return invalid(id, 'result must be an object');
    return { ok: true, message: value as unknown as JsonRpcSuccess };
  }
  if ('error' in value && isErrorObject(value.error)) {
    return { ok: true, message: value as unknown as JsonRpcErrorResponse };
  }
  return invalid(id, 'expected method, result or error');
}

function isErrorObject(v: unknown): v is JsonRpcErrorObject {
  return (
    isObject(v) &&
    typeof v.code === 'number' &&
    Number.isInteger(v.code) &&
    typeof v.message === 'string'
  );
}

/**
 * Parse one JSON-RPC message from text; bad JSON yields the -32700 reply (id null).
 * @example const r = parseMessage(line); if (!r.ok) send(r.error);
 */
export function parseMessage(text: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: errorResponse(null, ErrorCode.ParseError, `Parse error: ${detail}`),
    };
  }
  return decodeMessage(value);
}

/** Serialize a message for the wire (one line: never pretty-printed). */
export const serializeMessage = (message: JsonRpcMessage): string => JSON.stringify(message);
