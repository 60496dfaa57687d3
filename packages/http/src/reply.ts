import { errorResponse, type RequestId, serializeMessage } from '@mcpkit/core';
import type { HttpExchangeResponse } from './exchange.js';

/** Implementation-defined JSON-RPC code for transport-level refusals (the official SDK's choice). */
export const TRANSPORT_ERROR = -32000;

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** Answer with a JSON-RPC error body: never HTML, whatever went wrong. */
export function replyError(
  res: HttpExchangeResponse,
  status: number,
  headers: Record<string, string>,
  error: { code: number; message: string; data?: unknown; id?: RequestId | null },
): void {
  const body = errorResponse(error.id ?? null, error.code, error.message, error.data);
  res.send(status, { ...headers, ...JSON_HEADERS }, serializeMessage(body));
}

/** Reply with an empty body. */
export const replyEmpty = (
  res: HttpExchangeResponse,
  status: number,
  headers: Record<string, string>,
): void => res.send(status, headers);
