import type { Implementation, RequestParams, Result } from './base.js';
import type { ClientCapabilities, ServerCapabilities } from './capabilities.js';

/** Protocol revisions this codebase knows by name. */
export type ProtocolVersion =
  | '2024-11-05'
  | '2025-03-26'
  | '2025-06-18'
  | '2025-11-25'
  | '2026-07-28';

/** Handshake era only. */
export interface InitializeParams extends RequestParams {
  /** The latest version the client supports. */
  protocolVersion: string;
  capabilities: ClientCapabilities;
  clientInfo: Implementation;
}

/** Handshake era only. */
export interface InitializeResult extends Result {
  /** The version the server chose; the client disconnects if it cannot speak it. */
  protocolVersion: string;
  capabilities: ServerCapabilities;
  serverInfo: Implementation;
  /** Guidance on using this server, e.g. for a system prompt. */
  instructions?: string;
}
