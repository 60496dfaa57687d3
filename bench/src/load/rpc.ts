/** What the driver needs from a connection to a server under test: raw JSON-RPC calls. */
export interface RpcClient {
  /** one `tools/call`; resolves with the result object, rejects on a JSON-RPC error */
  callTool(name: string, args: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

/** The protocol revisions the driver speaks. */
export const HANDSHAKE_VERSION = '2025-11-25';
export const STATELESS_VERSION = '2026-07-28';

export const CLIENT_INFO = { name: 'mcpkit-bench-driver', version: '1.0.0' };

/** `initialize` params of a handshake-era client that declares no capabilities. */
export const INITIALIZE_PARAMS = {
  protocolVersion: HANDSHAKE_VERSION,
  capabilities: {},
  clientInfo: CLIENT_INFO,
};

/** The per-request `_meta` envelope of the 2026-07-28 wire. */
export const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': STATELESS_VERSION,
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
};

/** The text of a CallToolResult's first block; throws on anything else (every answer is checked). */
export function resultText(result: unknown): string {
  const r = result as { content?: Array<{ type?: string; text?: unknown }>; isError?: boolean };
  const first = r?.content?.[0];
  if (r?.isError || first?.type !== 'text' || typeof first.text !== 'string') {
    throw new Error(`unexpected tools/call result: ${JSON.stringify(result).slice(0, 300)}`);
  }
  return first.text;
}

/** A JSON-RPC error answer, as an exception. */
export class RpcError extends Error {
  constructor(readonly error: { code?: number; message?: string }) {
    super(`JSON-RPC error ${error.code}: ${error.message}`);
  }
}
