import {
  claimsStatelessEra,
  decodeMessage,
  ErrorCode,
  isRequest,
  isStatelessVersion,
  type JsonRpcRequest,
  type ServerEndpoint,
  serializeMessage,
} from '@mcpkit/core';
import { createCors } from './cors.js';
import { createMemoryEventStore } from './event-store.js';
import type { HttpExchangeRequest, HttpExchangeResponse } from './exchange.js';
import { createHostGuard } from './host-guard.js';
import { HttpSession, type SessionContext } from './http-session.js';
import { acceptsEventStream, acceptsJson, isJsonContentType } from './media-type.js';
import { type HttpHandlerOptions, resolveOptions } from './options.js';
import { readBatch } from './read-batch.js';
import { readJsonBody } from './read-body.js';
import { JSON_HEADERS, replyEmpty, replyError, TRANSPORT_ERROR } from './reply.js';
import { type OneShotContext, serveOneShot } from './serve-one-shot.js';
import { SessionRegistry } from './session-registry.js';

/** The Streamable HTTP logic behind both adapters. */
export interface StreamableHttp {
  handle(req: HttpExchangeRequest, res: HttpExchangeResponse): Promise<void>;
  /** end every session and in-flight request; later requests get 503 */
  close(): Promise<void>;
  /** live handshake-era sessions */
  readonly sessionCount: number;
}

const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export function createStreamableHttp(
  server: ServerEndpoint,
  options: HttpHandlerOptions = {},
): StreamableHttp {
  const opts = resolveOptions(options, createMemoryEventStore);
  const cors = options.cors ? createCors(options.cors) : undefined;
  const guard =
    options.dnsRebindingProtection === false
      ? undefined
      : createHostGuard({
          allowedHosts: options.allowedHosts,
          allowedOrigins: options.allowedOrigins,
          corsAllows: cors?.allows,
        });
  const handshakeVersions = new Set(server.protocolVersions.filter((v) => !isStatelessVersion(v)));
  const registry = new SessionRegistry(opts.maxSessions, opts.sessionIdleTimeoutMs);
  const oneShot: OneShotContext = {
    server,
    keepAliveMs: opts.keepAliveMs,
    jsonResponse: opts.jsonResponse,
    inflight: new Set(),
  };
  const sessionCtx: SessionContext = {
    store: opts.eventStore,
    keepAliveMs: opts.keepAliveMs,
    retryMs: opts.retryMs,
    jsonResponse: opts.jsonResponse,
    closeStreamAfterPriming: opts.closeStreamAfterPriming,
    onClosed: (session) => registry.remove(session),
  };
  const allow = opts.stateful ? 'GET, POST, DELETE, OPTIONS' : 'POST, OPTIONS';
  let closing = false;

  const refuse = (
    res: HttpExchangeResponse,
    status: number,
    headers: Record<string, string>,
    message: string,
    code: number = TRANSPORT_ERROR,
  ) => replyError(res, status, headers, { code, message });

  const methodNotAllowed = (res: HttpExchangeResponse, headers: Record<string, string>) =>
    refuse(res, 405, { ...headers, allow }, 'Method Not Allowed');

  /** Find the session a request names; answers 404 / 400 itself when it cannot. */
  const lookup = (
    req: HttpExchangeRequest,
    res: HttpExchangeResponse,
    headers: Record<string, string>,
  ): HttpSession | undefined => {
    const id = req.headers['mcp-session-id']?.trim();
    if (id === undefined || id === '') {
      refuse(res, 400, headers, 'Bad Request: the Mcp-Session-Id header is required');
      return undefined;
    }
    const session = registry.get(id);
    if (!session) {
      refuse(res, 404, headers, 'Session not found: initialize a new session');
      return undefined;
    }
    const version = req.headers['mcp-protocol-version']?.trim();
    if (version !== undefined && !handshakeVersions.has(version)) {
      refuse(
        res,
        400,
        headers,
        `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)}`,
      );
      return undefined;
    }
    return session;
  };

  const initialize = async (
    req: HttpExchangeRequest,
    res: HttpExchangeResponse,
    headers: Record<string, string>,
    message: JsonRpcRequest,
  ): Promise<void> => {
    if (registry.full) return refuse(res, 503, headers, 'Service Unavailable: too many sessions');
    const id = opts.generateSessionId();
    const session = new HttpSession(id, sessionCtx);
    registry.add(session);
    try {
      session.connection = await server.connect(session);
    } catch (error) {
      session.close();
      throw error;
    }
    session.initializeId = message.id;
    session.post([message], false, req, res, { ...headers, 'mcp-session-id': id });
  };

  const postBatch = (
    req: HttpExchangeRequest,
    res: HttpExchangeResponse,
    headers: Record<string, string>,
    values: unknown[],
  ): void => {
    const session =
      opts.stateful && req.headers['mcp-session-id'] !== undefined
        ? lookup(req, res, headers)
        : null;
    if (session === undefined) return;
    const batch = session === null ? undefined : readBatch(session, values);
    if (batch === undefined || !Array.isArray(batch)) {
      const message =
        batch?.message ?? 'Invalid Request: batches are accepted only on 2025-03-26 sessions';
      refuse(res, 400, headers, message, ErrorCode.InvalidRequest);
      return;
    }
    (session as HttpSession).post(batch, true, req, res, headers);
  };

  const post = async (
    req: HttpExchangeRequest,
    res: HttpExchangeResponse,
    headers: Record<string, string>,
  ) => {
    const accept = req.headers.accept;
    if (!acceptsJson(accept) || (!opts.jsonResponse && !acceptsEventStream(accept))) {
      return refuse(
        res,
        406,
        headers,
        'Not Acceptable: Accept must allow application/json and text/event-stream',
      );
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      return refuse(
        res,
        415,
        headers,
        'Unsupported Media Type: Content-Type must be application/json',
      );
    }
    const body = await readJsonBody(req, opts.maxBodyBytes);
    if (!body.ok) return refuse(res, body.status, headers, body.message, body.code);
    if (Array.isArray(body.value)) return postBatch(req, res, headers, body.value);
    const decoded = decodeMessage(body.value);
    if (!decoded.ok)
      return res.send(400, { ...headers, ...JSON_HEADERS }, serializeMessage(decoded.error));
    const message = decoded.message;
    const version = req.headers['mcp-protocol-version']?.trim();
    if (isRequest(message) && claimsStatelessEra(message, version)) {
      return serveOneShot(oneShot, req, res, message, { headers, strict: true });
    }
    if (version !== undefined && isStatelessVersion(version)) {
      // The stateless era has nothing that listens for posted notifications or responses.
      return 'method' in message
        ? replyEmpty(res, 202, headers)
        : refuse(
            res,
            400,
            headers,
            'Bad Request: no request awaits this response',
            ErrorCode.InvalidRequest,
          );
    }
    if (!opts.stateful) {
      if (version !== undefined && !handshakeVersions.has(version)) {
        return refuse(
          res,
          400,
          headers,
          `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)}`,
        );
      }
      if (!isRequest(message)) return replyEmpty(res, 202, headers);
      return serveOneShot(oneShot, req, res, message, { headers, strict: false });
    }
    const isInitialize = isRequest(message) && message.method === 'initialize';
    if (req.headers['mcp-session-id'] === undefined && isInitialize) {
      return initialize(req, res, headers, message as JsonRpcRequest);
    }
    const session = lookup(req, res, headers);
    if (!session) return;
    if (isInitialize) {
      return refuse(
        res,
        400,
        headers,
        'Invalid Request: the session is already initialized',
        ErrorCode.InvalidRequest,
      );
    }
    session.post([message], false, req, res, headers);
  };

  const get = async (
    req: HttpExchangeRequest,
    res: HttpExchangeResponse,
    headers: Record<string, string>,
  ) => {
    const version = req.headers['mcp-protocol-version']?.trim();
    if (!opts.stateful || (version !== undefined && isStatelessVersion(version)))
      return methodNotAllowed(res, headers);
    if (!acceptsEventStream(req.headers.accept)) {
      return refuse(res, 406, headers, 'Not Acceptable: Accept must allow text/event-stream');
    }
    const session = lookup(req, res, headers);
    if (session) await session.get(res, headers, req.headers['last-event-id']?.trim());
  };

  const del = async (
    req: HttpExchangeRequest,
    res: HttpExchangeResponse,
    headers: Record<string, string>,
  ) => {
    const version = req.headers['mcp-protocol-version']?.trim();
    if (!opts.stateful || (version !== undefined && isStatelessVersion(version)))
      return methodNotAllowed(res, headers);
    const session = lookup(req, res, headers);
    if (!session) return;
    await session.terminate();
    replyEmpty(res, 200, headers);
  };

  return {
    async handle(req, res) {
      const origin = req.headers.origin;
      if (req.method === 'OPTIONS') {
        const preflight = cors?.preflight(origin, req.headers['access-control-request-headers']);
        return replyEmpty(res, 204, { ...preflight, allow });
      }
      const headers = cors?.headers(origin) ?? NO_HEADERS;
      const denied = guard?.(req.headers.host, origin);
      if (denied) return refuse(res, 403, headers, denied);
      if (closing)
        return refuse(res, 503, headers, 'Service Unavailable: the server is shutting down');
      try {
        if (req.method === 'POST') await post(req, res, headers);
        else if (req.method === 'GET') await get(req, res, headers);
        else if (req.method === 'DELETE') await del(req, res, headers);
        else methodNotAllowed(res, headers);
      } catch {
        // Adapters ignore this if an answer already started.
        refuse(res, 500, headers, 'Internal error', ErrorCode.InternalError);
      }
    },
    async close() {
      closing = true;
      for (const controller of oneShot.inflight)
        controller.abort(new Error('Server shutting down'));
      await registry.closeAll();
    },
    get sessionCount() {
      return registry.size;
    },
  };
}
