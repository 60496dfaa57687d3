import {
  decodeHeaderValue,
  ENVELOPE_KEYS,
  ErrorCode,
  type JsonObject,
  type JsonRpcRequest,
  McpError,
  readEnvelope,
} from '@mcpkit/core';

/** A stateless-era request refused before it reaches the server. */
export interface LadderFailure {
  status: number;
  code: number;
  message: string;
  data?: unknown;
}

/** The body field each method mirrors into `Mcp-Name`. */
const NAME_FIELD: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
  'tasks/get': 'taskId',
  'tasks/update': 'taskId',
  'tasks/cancel': 'taskId',
};

const mismatch = (message: string): LadderFailure => ({
  status: 400,
  code: ErrorCode.HeaderMismatch,
  message: `Header mismatch: ${message}`,
});

/**
 * Validate a stateless-era (2026-07-28) request in the order the conformance suite
 * checks: protocol-version header, `_meta` envelope, `Mcp-Method`, `Mcp-Name`.
 * `Mcp-Param-*` headers are left to the server, which knows the tool schemas.
 */
export function checkStatelessRequest(
  request: JsonRpcRequest,
  headers: Readonly<Record<string, string>>,
  supported: readonly string[],
): LadderFailure | undefined {
  const params = request.params;
  const meta = params?._meta as JsonObject | undefined;
  const metaVersion =
    typeof meta === 'object' && meta !== null ? meta[ENVELOPE_KEYS.protocolVersion] : undefined;
  const headerVersion = headers['mcp-protocol-version']?.trim();
  if (headerVersion === undefined || headerVersion === '') {
    return mismatch('the MCP-Protocol-Version header is required');
  }
  if (typeof metaVersion === 'string' && metaVersion !== headerVersion) {
    return mismatch(
      `MCP-Protocol-Version header ${JSON.stringify(headerVersion)} differs from _meta protocolVersion ${JSON.stringify(metaVersion)}`,
    );
  }
  try {
    readEnvelope(params, supported);
  } catch (error) {
    if (!(error instanceof McpError)) throw error;
    return { status: 400, code: error.code, message: error.message, data: error.data };
  }
  const method = headers['mcp-method']?.trim();
  if (method === undefined) return mismatch('the Mcp-Method header is required');
  if (method !== request.method) {
    return mismatch(
      `Mcp-Method header ${JSON.stringify(method)} differs from the body method ${JSON.stringify(request.method)}`,
    );
  }
  const field = NAME_FIELD[request.method];
  if (field === undefined) return undefined;
  const bodyValue = params?.[field];
  const raw = headers['mcp-name'];
  if (raw === undefined) {
    return bodyValue === undefined
      ? undefined
      : mismatch(`the Mcp-Name header is required for ${request.method}`);
  }
  const name = decodeHeaderValue(raw);
  if (name === undefined) return mismatch('the Mcp-Name header is not valid Base64 UTF-8');
  if (name !== bodyValue) {
    return mismatch(
      `Mcp-Name header ${JSON.stringify(name)} differs from params.${field} ${JSON.stringify(bodyValue)}`,
    );
  }
  return undefined;
}

/** HTTP status for a stateless-era JSON-RPC response. */
export function statusForResponse(error: { code: number } | undefined): number {
  if (!error) return 200;
  switch (error.code) {
    case ErrorCode.MethodNotFound:
      return 404;
    case ErrorCode.HeaderMismatch:
    case ErrorCode.MissingRequiredClientCapability:
    case ErrorCode.UnsupportedProtocolVersion:
      return 400;
    default:
      return 200;
  }
}
