import type { CorsOptions } from './cors.js';
import type { EventStore } from './event-store.js';

/** Options of `createHttpHandler` / `toNodeHandler` / `serveHttp`. */
export interface HttpHandlerOptions {
  /**
   * Handshake-era clients: `'stateful'` (default) issues an `Mcp-Session-Id` per
   * `initialize` and keeps one server connection per session; `'stateless'` answers
   * every POST on its own through `server.handle` (no session id, no GET stream).
   * Stateless-era (2026-07-28) requests are always served statelessly.
   */
  sessions?: 'stateful' | 'stateless';
  /** always answer POSTs with JSON, never an event stream (related notifications go to the GET stream) */
  jsonResponse?: boolean;
  /** resumability store for handshake-era streams (default: bounded in-memory); `false` disables */
  eventStore?: EventStore | false;
  /** `retry:` sent with priming events, in ms (default 1000) */
  retryMs?: number;
  /**
   * Close each handshake-era request stream right after its priming event, so clients
   * poll with GET + `Last-Event-ID` (SSE polling; needs a 2025-11-25 session and an event store).
   */
  closeStreamAfterPriming?: boolean;
  /** comment line sent on idle event streams, in ms (default 15 000; 0 disables) */
  keepAliveMs?: number;
  /** live sessions allowed at once; `initialize` beyond gets 503 (default 1000) */
  maxSessions?: number;
  /** end sessions idle this long, in ms (default 30 minutes; 0 keeps them forever) */
  sessionIdleTimeoutMs?: number;
  /** request body limit in bytes (default 4 MiB; 413 beyond) */
  maxBodyBytes?: number;
  /** refuse foreign Host / Origin headers with 403 (default true) */
  dnsRebindingProtection?: boolean;
  /** hosts allowed besides loopback names: `name` (any port), `name:port`, or `'*'` */
  allowedHosts?: readonly string[];
  /** origins allowed besides loopback ones, e.g. `https://app.example.com`, or `'*'` */
  allowedOrigins?: readonly string[];
  /** CORS for browser clients (off by default) */
  cors?: CorsOptions | false;
  /** session id generator (default `crypto.randomUUID()`); ids must be visible ASCII */
  generateSessionId?: () => string;
}

export interface ResolvedOptions {
  stateful: boolean;
  jsonResponse: boolean;
  eventStore: EventStore | undefined;
  retryMs: number;
  closeStreamAfterPriming: boolean;
  keepAliveMs: number;
  maxSessions: number;
  sessionIdleTimeoutMs: number;
  maxBodyBytes: number;
  generateSessionId: () => string;
}

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export function resolveOptions(
  options: HttpHandlerOptions,
  createStore: () => EventStore,
): ResolvedOptions {
  return {
    stateful: options.sessions !== 'stateless',
    jsonResponse: options.jsonResponse ?? false,
    eventStore: options.eventStore === false ? undefined : (options.eventStore ?? createStore()),
    retryMs: options.retryMs ?? 1000,
    closeStreamAfterPriming: options.closeStreamAfterPriming ?? false,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    maxSessions: options.maxSessions ?? 1000,
    sessionIdleTimeoutMs: options.sessionIdleTimeoutMs ?? 30 * 60_000,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    generateSessionId: options.generateSessionId ?? (() => crypto.randomUUID()),
  };
}
