import {
  errorResponse,
  type JsonRpcErrorResponse,
  parseMessage,
  type ServerConnection,
  type ServerEndpoint,
  serializeMessage,
} from '@mcpkit/core';
import { createHostGuard } from '@mcpkit/http';
import { readBody, TOO_LARGE } from './read-body.js';
import { createSseSession, type SseSession } from './sse-session.js';

/** Implementation-defined JSON-RPC code for transport refusals (as in @mcpkit/http). */
const TRANSPORT_ERROR = -32000;

/** @deprecated Legacy HTTP+SSE (2024-11-05) is for old peers only; serve Streamable HTTP. */
export interface SseHandlerOptions {
  /** path of the event stream (default `/sse`) */
  ssePath?: string;
  /** path clients POST messages to (default `/messages`) */
  messagesPath?: string;
  /** refuse foreign Host / Origin headers with 403 (default true) */
  dnsRebindingProtection?: boolean;
  /** hosts allowed besides loopback names: `name` (any port), `name:port`, or `'*'` */
  allowedHosts?: readonly string[];
  /** origins allowed besides loopback ones, e.g. `https://app.example.com`, or `'*'` */
  allowedOrigins?: readonly string[];
  /** POST body limit in bytes (default 4 MiB; 413 beyond) */
  maxBodyBytes?: number;
  /** comment line sent on idle event streams, in ms (default 15 000; 0 disables) */
  keepAliveMs?: number;
  /** session id generator (default `crypto.randomUUID()`) */
  generateSessionId?: () => string;
}

/** @deprecated A web-standard legacy SSE handler; `close()` ends every open session. */
export interface SseHandler {
  (request: Request): Promise<Response>;
  close(): Promise<void>;
  /** sessions with an open event stream */
  readonly sessionCount: number;
}

interface Live {
  session: SseSession;
  connection: ServerConnection;
}

const json = (status: number, body: JsonRpcErrorResponse, headers?: Record<string, string>) =>
  new Response(serializeMessage(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const refuse = (status: number, message: string, headers?: Record<string, string>) =>
  json(status, errorResponse(null, TRANSPORT_ERROR, message), headers);

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/**
 * Serve the legacy HTTP+SSE transport (2024-11-05) as `(Request) => Promise<Response>`:
 * `GET ssePath` opens a session whose first event names the POST endpoint.
 * @deprecated For old peers only; new servers should serve Streamable HTTP (@mcpkit/http).
 * @example
 * const handler = createSseHandler(server);
 * Bun.serve({ port: 8000, fetch: handler });
 */
export function createSseHandler(
  server: ServerEndpoint,
  options: SseHandlerOptions = {},
): SseHandler {
  const {
    ssePath = '/sse',
    messagesPath = '/messages',
    dnsRebindingProtection = true,
    maxBodyBytes = 4 * 1024 * 1024,
    keepAliveMs = 15_000,
    generateSessionId = () => crypto.randomUUID(),
  } = options;
  const guard = dnsRebindingProtection ? createHostGuard(options) : undefined;
  const sessions = new Map<string, Live>();

  const open = async (request: Request): Promise<Response> => {
    const id = generateSessionId();
    const session = createSseSession({
      id,
      endpoint: `${messagesPath}?sessionId=${encodeURIComponent(id)}`,
      keepAliveMs,
      onGone: (goneId) => sessions.delete(goneId),
    });
    let connection: ServerConnection;
    try {
      connection = await server.connect(session.transport);
    } catch (error) {
      session.end();
      return refuse(500, `Could not open a session: ${(error as Error).message}`);
    }
    // Registered before the response leaves, so no POST can race ahead of it.
    sessions.set(id, { session, connection });
    request.signal.addEventListener('abort', () => session.end(), { once: true });
    return new Response(session.stream, {
      status: 200,
      headers: {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  };

  const post = async (request: Request, url: URL): Promise<Response> => {
    const id = url.searchParams.get('sessionId');
    const live = id === null ? undefined : sessions.get(id);
    if (!live) return refuse(404, 'Session not found');
    const text = await readBody(request, maxBodyBytes);
    if (text === TOO_LARGE) return refuse(413, `Request body exceeds ${maxBodyBytes} bytes`);
    const decoded = parseMessage(text);
    if (!decoded.ok) return json(400, decoded.error);
    const info = { sessionId: live.session.id, headers: headerRecord(request.headers) };
    if (!live.session.deliver(decoded.message, info)) {
      return refuse(404, 'Session not found');
    }
    return new Response('Accepted', { status: 202, headers: { 'content-type': 'text/plain' } });
  };

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (guard) {
      const why = guard(
        request.headers.get('host') ?? url.host,
        request.headers.get('origin') ?? undefined,
      );
      if (why) return refuse(403, why);
    }
    if (url.pathname === ssePath) {
      return request.method === 'GET'
        ? open(request)
        : refuse(405, 'Method not allowed', { allow: 'GET' });
    }
    if (url.pathname === messagesPath) {
      return request.method === 'POST'
        ? post(request, url)
        : refuse(405, 'Method not allowed', { allow: 'POST' });
    }
    return refuse(404, 'Not found');
  };

  return Object.defineProperties(handler, {
    close: {
      value: async (): Promise<void> => {
        const all = [...sessions.values()];
        sessions.clear();
        await Promise.allSettled(all.map((live) => live.connection.close()));
        for (const live of all) live.session.end();
      },
    },
    sessionCount: { get: () => sessions.size },
  }) as SseHandler;
}
