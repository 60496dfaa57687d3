/**
 * @mcpkit/sse — the legacy HTTP+SSE transport (protocol 2024-11-05).
 * @deprecated Deprecated since 2025-03-26 and formally in 2026-07-28: use it only to talk to old
 * peers. New servers and clients should use Streamable HTTP (@mcpkit/http).
 * @packageDocumentation
 */
export {
  type FetchLike,
  type SseClientTransportOptions,
  sseClientTransport,
} from './client-transport.js';
export { type ServeSseOptions, type SseServer, serveSse } from './serve-sse.js';
export { createSseHandler, type SseHandler, type SseHandlerOptions } from './sse-handler.js';
