import {
  createDispatcher,
  createSession,
  ENVELOPE_KEYS,
  ErrorCode,
  errorResponse,
  HANDSHAKE_PROTOCOL_VERSIONS,
  type InboundRequest,
  type JsonObject,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResponse,
  McpError,
  type MessageInfo,
  negotiateProtocolVersion,
  type RequestEnv,
  type ServerConnection,
  type ServerEndpoint,
  type Session,
  STATELESS_PROTOCOL_VERSION,
  SUPPORTED_PROTOCOL_VERSIONS,
  successResponse,
} from '@mcpkit/core';
import type { HttpMessageInfo } from '@mcpkit/http';

/** What the fake server observed, for assertions. */
export interface FakeServerLog {
  notifications: Array<{ method: string; params?: JsonObject; info?: MessageInfo }>;
  handled: Array<{ request: JsonRpcRequest; info?: MessageInfo }>;
  aborted: string[];
  sessions: Session[];
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

const text = (value: string): JsonObject => ({ content: [{ type: 'text', text: value }] });

/** Tools of the session (handshake-era) side. */
const sessionTools: Record<
  string,
  (req: InboundRequest, log: FakeServerLog, session: Session) => Promise<JsonObject>
> = {
  async echo(req) {
    return text(JSON.stringify(req.params?.arguments ?? {}));
  },
  async headers(req) {
    return text(JSON.stringify(req.info?.headers ?? {}));
  },
  async progress(req) {
    for (let i = 1; i <= 3; i++) await req.progress(i, 3);
    return text('done');
  },
  async ask(req) {
    const answer = await req.request('sampling/createMessage', { messages: [], maxTokens: 10 });
    return text(`sampled: ${JSON.stringify(answer)}`);
  },
  async broadcast(_req, _log, session) {
    await session.notify('notifications/message', { level: 'info', data: 'unrelated' });
    return text('broadcast sent');
  },
  async reconnect(req) {
    (req.info as HttpMessageInfo | undefined)?.closeSseStream?.();
    await sleep(30);
    await req.progress(1, 1);
    return text('after reconnect');
  },
  async slow(req) {
    const ms = (req.params?.arguments as { ms?: number } | undefined)?.ms ?? 50;
    await sleep(ms, req.signal);
    return text(`slept ${ms}`);
  },
};

function initializeResult(params: JsonObject | undefined): JsonObject {
  return {
    protocolVersion: negotiateProtocolVersion(params?.protocolVersion),
    capabilities: { tools: {} },
    serverInfo: { name: 'fake', version: '1.0.0' },
  };
}

/** Stateless-era / sessionless answers. */
async function handleOne(
  request: JsonRpcRequest,
  env: RequestEnv,
  log: FakeServerLog,
): Promise<JsonRpcResponse> {
  log.handled.push({ request, info: env.info });
  const { id, method, params } = request;
  const signal = env.info?.signal;
  switch (method) {
    case 'initialize':
    case 'ping':
      // Removed in the stateless era; served only to envelope-less (handshake-era) requests.
      if (
        (params?._meta as JsonObject | undefined)?.[ENVELOPE_KEYS.protocolVersion] !== undefined
      ) {
        return errorResponse(id, ErrorCode.MethodNotFound, `Method not found: ${method}`);
      }
      return successResponse(id, method === 'ping' ? {} : initializeResult(params));
    case 'server/discover':
      return successResponse(id, {
        supportedVersions: [STATELESS_PROTOCOL_VERSION],
        capabilities: { tools: {} },
      });
    case 'subscriptions/listen': {
      await env.notify({
        jsonrpc: '2.0',
        method: 'notifications/subscriptions/acknowledged',
        params: { notifications: params?.notifications ?? {} },
      });
      await new Promise<void>((resolve) => {
        if (!signal || signal.aborted) return resolve();
        signal.addEventListener('abort', () => resolve());
      });
      log.aborted.push(String(id));
      return successResponse(id, {});
    }
    case 'tools/list':
      return successResponse(id, {
        tools: [
          {
            name: 'weather',
            inputSchema: {
              type: 'object',
              properties: {
                region: { type: 'string', 'x-mcp-header': 'Region' },
                days: { type: 'integer', 'x-mcp-header': 'Days' },
                metric: { type: 'boolean', 'x-mcp-header': 'Metric' },
                note: { type: 'string' },
              },
            },
          },
          {
            name: 'broken',
            inputSchema: {
              type: 'object',
              properties: { o: { type: 'object', 'x-mcp-header': 'O' } },
            },
          },
        ],
      });
    case 'tools/call': {
      const name = params?.name;
      const token = (params?._meta as JsonObject | undefined)?.progressToken;
      if (name === 'progress') {
        for (let i = 1; i <= 3; i++) {
          const n: JsonRpcNotification = {
            jsonrpc: '2.0',
            method: 'notifications/progress',
            params: { progressToken: token ?? 0, progress: i, total: 3 },
          };
          await env.notify(n);
        }
        return successResponse(id, text('done'));
      }
      if (name === 'wait') {
        try {
          await sleep(5_000, signal);
        } catch {
          log.aborted.push(String(id));
          return errorResponse(id, ErrorCode.InternalError, 'aborted');
        }
        return successResponse(id, text('waited'));
      }
      if (name === 'needs_sampling') {
        return errorResponse(id, ErrorCode.MissingRequiredClientCapability, 'Missing capability', {
          requiredCapabilities: { sampling: {} },
        });
      }
      return successResponse(id, text(JSON.stringify(params?.arguments ?? {})));
    }
    default:
      return errorResponse(id, ErrorCode.MethodNotFound, `Method not found: ${method}`);
  }
}

/** A small ServerEndpoint on core's session and dispatcher, standing in for @mcpkit/server. */
export function createFakeServer(): ServerEndpoint & { log: FakeServerLog } {
  const log: FakeServerLog = { notifications: [], handled: [], aborted: [], sessions: [] };
  return {
    log,
    protocolVersions: SUPPORTED_PROTOCOL_VERSIONS,
    async connect(transport): Promise<ServerConnection> {
      let session!: Session;
      session = createSession({
        transport,
        onRequest: createDispatcher({
          initialize: (req) => initializeResult(req.params),
          ping: () => ({}),
          'tools/call': (req) => {
            const tool = sessionTools[String(req.params?.name)];
            if (!tool)
              throw new McpError(
                ErrorCode.InvalidParams,
                `Unknown tool: ${String(req.params?.name)}`,
              );
            return tool(req, log, session);
          },
        }),
        onNotification: (n, info) =>
          log.notifications.push({ method: n.method, params: n.params, info }),
      });
      log.sessions.push(session);
      await session.start();
      return { session, close: () => session.close() };
    },
    handle: (request, env) => handleOne(request, env, log),
  };
}

export const HANDSHAKE_VERSIONS = HANDSHAKE_PROTOCOL_VERSIONS;
