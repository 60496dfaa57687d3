import {
  createDispatcher,
  createMemoryTransportPair,
  createSession,
  type DispatchTable,
  ENVELOPE_KEYS,
  ErrorCode,
  type InboundRequest,
  type JsonObject,
  McpError,
  type RequestEnvelope,
  type RequestHandler,
  readEnvelope,
  type Session,
  STATELESS_PROTOCOL_VERSION,
  type Transport,
} from '@mcpkit/core';
import { commonHandlers, ELICIT_FORM, toolCall } from './handshake-server.js';

export interface FakeStatelessOptions {
  /** answer the first request with -32022 regardless of its version */
  rejectFirst?: boolean;
  capabilities?: JsonObject;
  handlers?: DispatchTable;
}

/** One request as the server saw it. */
export interface SeenRequest {
  id: string | number;
  method: string;
  params: JsonObject | undefined;
}

export interface FakeStatelessServer {
  transport: Transport;
  session: Session;
  seen: SeenRequest[];
  /** send a notification to every open listen stream whose filter asked for it */
  emit(method: string, params?: JsonObject): Promise<void>;
  /** open listen streams by request id */
  listening(): (string | number)[];
  close(): Promise<void>;
}

/** A byte-sensitive state: quotes, escapes, non-ASCII and padding must survive the echo. */
export const TRICKY_STATE = 'st"ate\\/é+==\u2028 x';

const text = (value: string): JsonObject => ({
  resultType: 'complete',
  content: [{ type: 'text', text: value }],
});
const inputRequired = (
  inputRequests: JsonObject | undefined,
  requestState?: string,
): JsonObject => ({
  resultType: 'input_required',
  ...(inputRequests ? { inputRequests } : {}),
  ...(requestState !== undefined ? { requestState } : {}),
});

/** MRTR tools; each checks what the retry carries. */
function mrtrTool(
  req: InboundRequest,
  envelope: RequestEnvelope,
): JsonObject | Promise<JsonObject> {
  const params = req.params ?? {};
  const responses = params.inputResponses as JsonObject | undefined;
  const state = params.requestState;
  switch (params.name) {
    case 'echo_state': {
      if (!responses)
        return inputRequired(
          { user: { method: 'elicitation/create', params: ELICIT_FORM } },
          TRICKY_STATE,
        );
      if (state !== TRICKY_STATE)
        throw new McpError(ErrorCode.InvalidParams, `state mangled: ${JSON.stringify(state)}`);
      return text(`state-ok ${JSON.stringify(responses.user)}`);
    }
    case 'no_state': {
      if (!responses)
        return inputRequired({ user: { method: 'elicitation/create', params: ELICIT_FORM } });
      return text(`has requestState: ${'requestState' in params}`);
    }
    case 'state_only': {
      if (state === undefined) return inputRequired(undefined, 'only');
      return text(`state ${String(state)}, inputResponses: ${'inputResponses' in params}`);
    }
    case 'multi_round': {
      if (state === undefined) return inputRequired({ step1: { method: 'roots/list' } }, 'r1');
      if (state === 'r1')
        return inputRequired(
          { step2: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 } } },
          'r2',
        );
      if (state === 'r2') return text(`done ${JSON.stringify(responses)}`);
      throw new McpError(ErrorCode.InvalidParams, 'bad state');
    }
    case 'all_kinds': {
      if (!responses) {
        return inputRequired(
          {
            a: { method: 'elicitation/create', params: ELICIT_FORM },
            b: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 50 } },
            c: { method: 'roots/list' },
          },
          's',
        );
      }
      return text(JSON.stringify(responses));
    }
    case 'forever':
      return inputRequired({ again: { method: 'roots/list' } }, 'x');
    case 'no_result_type':
      return { content: [{ type: 'text', text: 'plain' }] };
    case 'log':
      return (async () => {
        if (envelope.logLevel)
          await req.notify('notifications/message', { level: 'info', data: 'logged' });
        return text(`logLevel ${String(envelope.logLevel)}`);
      })();
    case 'caps':
      return text(JSON.stringify(envelope.clientCapabilities));
    default: {
      const result = toolCall(req);
      return result instanceof Promise
        ? result.then((r) => ({ resultType: 'complete', ...r }))
        : { resultType: 'complete', ...result };
    }
  }
}

export function startStatelessServer(options: FakeStatelessOptions = {}): FakeStatelessServer {
  const [clientSide, serverSide] = createMemoryTransportPair({ serialize: true });
  const seen: SeenRequest[] = [];
  const listens = new Map<string | number, { req: InboundRequest; filter: JsonObject }>();
  let rejectNext = options.rejectFirst === true;
  const capabilities = options.capabilities ?? {
    tools: { listChanged: true },
    prompts: { listChanged: true },
    resources: { subscribe: true, listChanged: true },
    completions: {},
  };
  const table: DispatchTable = {
    ...commonHandlers(),
    'server/discover': () => ({
      resultType: 'complete',
      supportedVersions: [STATELESS_PROTOCOL_VERSION],
      capabilities,
      instructions: 'stateless fake',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: { [ENVELOPE_KEYS.serverInfo]: { name: 'fake-stateless', version: '2.0.0' } },
    }),
    'tools/list': () => ({
      resultType: 'complete',
      tools: [{ name: 'echo', inputSchema: { type: 'object' } }],
      ttlMs: 0,
      cacheScope: 'private',
    }),
    'subscriptions/listen': (req) =>
      new Promise<JsonObject>((resolve) => {
        const filter = (req.params?.notifications ?? {}) as JsonObject;
        listens.set(req.id, { req, filter });
        const meta = { [ENVELOPE_KEYS.subscriptionId]: req.id };
        void req.notify('notifications/subscriptions/acknowledged', {
          notifications: filter,
          _meta: meta,
        });
        req.signal.addEventListener('abort', () => {
          listens.delete(req.id);
          resolve({ resultType: 'complete', _meta: meta });
        });
      }),
    ...options.handlers,
  };
  const dispatch = createDispatcher(table);
  const onRequest: RequestHandler = (req) => {
    seen.push({ id: req.id, method: req.method, params: req.params });
    const envelope = readEnvelope(req.params);
    if (rejectNext) {
      rejectNext = false;
      throw new McpError(ErrorCode.UnsupportedProtocolVersion, 'Unsupported protocol version', {
        supported: [STATELESS_PROTOCOL_VERSION],
        requested: envelope.protocolVersion,
      });
    }
    if (req.method === 'tools/call') return mrtrTool(req, envelope);
    return dispatch(req);
  };
  const session = createSession({ transport: serverSide, onRequest });
  void session.start();
  const wants: Record<string, string> = {
    'notifications/tools/list_changed': 'toolsListChanged',
    'notifications/prompts/list_changed': 'promptsListChanged',
    'notifications/resources/list_changed': 'resourcesListChanged',
  };
  return {
    transport: clientSide,
    session,
    seen,
    async emit(method, params = {}) {
      for (const { req, filter } of listens.values()) {
        const key = wants[method];
        const uri = params.uri;
        const match = key
          ? filter[key] === true
          : ((filter.resourceSubscriptions ?? []) as string[]).includes(String(uri));
        if (!match) continue;
        await req.notify(method, { ...params, _meta: { [ENVELOPE_KEYS.subscriptionId]: req.id } });
      }
    },
    listening: () => [...listens.keys()],
    close: () => session.close(),
  };
}
