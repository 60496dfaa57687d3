import {
  createDispatcher,
  createMemoryTransportPair,
  createSession,
  type DispatchTable,
  ErrorCode,
  type InboundRequest,
  type JsonObject,
  type JsonRpcMessage,
  type JsonRpcRequest,
  McpError,
  negotiateProtocolVersion,
  type Session,
  type Transport,
} from '@mcpkit/core';

export interface FakeHandshakeOptions {
  /** the version the server answers initialize with (default: negotiated) */
  answerVersion?: string;
  capabilities?: JsonObject;
  instructions?: string;
  /** extra or replaced handlers */
  handlers?: DispatchTable;
}

/** A handshake-era server made of core parts only, recording what it receives. */
export interface FakeHandshakeServer {
  transport: Transport;
  session: Session;
  /** every message the server received, in order */
  received: JsonRpcMessage[];
  requests(method: string): JsonRpcRequest[];
  notifications(method: string): (JsonObject | undefined)[];
  close(): Promise<void>;
}

const TOOLS = [
  { name: 'echo', inputSchema: { type: 'object' } },
  { name: 'json_text', inputSchema: { type: 'object' } },
  { name: 'plain_text', inputSchema: { type: 'object' } },
  { name: 'fail', inputSchema: { type: 'object' } },
  { name: 'sample', inputSchema: { type: 'object' } },
  { name: 'elicit', inputSchema: { type: 'object' } },
  { name: 'roots', inputSchema: { type: 'object' } },
  { name: 'progress', inputSchema: { type: 'object' } },
  { name: 'slow', inputSchema: { type: 'object' } },
];

/** The tools every fake serves (both eras), by name. */
export function toolCall(req: InboundRequest): JsonObject | Promise<JsonObject> {
  const params = req.params ?? {};
  const args = (params.arguments ?? {}) as JsonObject;
  switch (params.name) {
    case 'echo':
      return {
        content: [{ type: 'text', text: JSON.stringify(args) }],
        structuredContent: { echoed: args },
      };
    case 'json_text':
      return { content: [{ type: 'text', text: '{"n":1,"list":[true]}' }] };
    case 'plain_text':
      return { content: [{ type: 'text', text: `Hello, ${String(args.name)}!` }] };
    case 'fail':
      return { content: [{ type: 'text', text: 'it broke' }], isError: true };
    case 'progress':
      return (async () => {
        await req.progress(1, 2, 'half');
        await req.progress(2, 2);
        return { content: [{ type: 'text', text: 'done' }] };
      })();
    case 'slow':
      return new Promise<JsonObject>((resolve) => {
        req.signal.addEventListener('abort', () => resolve({ content: [] }), { once: true });
      });
    default:
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${String(params.name)}`);
  }
}

export const RESOURCES = [
  { uri: 'config://app', name: 'app' },
  { uri: 'file:///tmp/notes.txt', name: 'notes' },
];

export function commonHandlers(): DispatchTable {
  return {
    'tools/call': toolCall,
    'resources/list': () => ({ resources: RESOURCES }),
    'resources/templates/list': () => ({
      resourceTemplates: [{ uriTemplate: 'users://{id}/profile', name: 'profile' }],
    }),
    'resources/read': (req) => {
      const uri = String(req.params?.uri);
      return { contents: [{ uri, mimeType: 'text/plain', text: `contents of ${uri}` }] };
    },
    'prompts/list': () => ({
      prompts: [{ name: 'review', arguments: [{ name: 'code', required: true }] }],
    }),
    'prompts/get': (req) => ({
      messages: [
        { role: 'user', content: { type: 'text', text: JSON.stringify(req.params?.arguments) } },
      ],
    }),
    'completion/complete': (req) => ({
      completion: {
        values: [`${(req.params as { argument: JsonObject }).argument.value}1`],
        total: 1,
        hasMore: false,
      },
      echo: { ref: req.params?.ref, context: req.params?.context },
    }),
  };
}

export function startHandshakeServer(options: FakeHandshakeOptions = {}): FakeHandshakeServer {
  const [clientSide, serverSide] = createMemoryTransportPair({ serialize: true });
  const received: JsonRpcMessage[] = [];
  const recording: Transport = {
    start: (sink) =>
      serverSide.start({
        ...sink,
        message: (message, info) => {
          received.push(message);
          sink.message(message, info);
        },
      }),
    send: (message, info) => serverSide.send(message, info),
    close: () => serverSide.close(),
  };
  const capabilities = options.capabilities ?? {
    tools: { listChanged: true },
    prompts: { listChanged: true },
    resources: { subscribe: true, listChanged: true },
    logging: {},
    completions: {},
  };
  const table: DispatchTable = {
    ...commonHandlers(),
    initialize: (req) => ({
      protocolVersion:
        options.answerVersion ?? negotiateProtocolVersion(req.params?.protocolVersion),
      capabilities,
      serverInfo: { name: 'fake-handshake', version: '1.0.0' },
      ...(options.instructions ? { instructions: options.instructions } : {}),
    }),
    ping: () => ({}),
    'tools/list': (req) =>
      req.params?.cursor === 'page2'
        ? { tools: TOOLS.slice(5) }
        : { tools: TOOLS.slice(0, 5), nextCursor: 'page2' },
    'tools/call': handshakeToolCall,
    'logging/setLevel': () => ({}),
    'resources/subscribe': () => ({}),
    'resources/unsubscribe': () => ({}),
    ...options.handlers,
  };
  const session = createSession({ transport: recording, onRequest: createDispatcher(table) });
  void session.start();
  return {
    transport: clientSide,
    session,
    received,
    requests: (method) =>
      received.filter(
        (m): m is JsonRpcRequest => 'method' in m && 'id' in m && m.method === method,
      ),
    notifications: (method) =>
      received
        .filter((m) => 'method' in m && !('id' in m) && m.method === method)
        .map((m) => (m as { params?: JsonObject }).params),
    close: () => session.close(),
  };
}

const asText = (value: unknown): JsonObject => ({
  content: [{ type: 'text', text: JSON.stringify(value) }],
});

/** Handshake-era tools that send real server→client requests. */
function handshakeToolCall(req: InboundRequest): JsonObject | Promise<JsonObject> {
  switch (req.params?.name) {
    case 'sample':
      return req.request('sampling/createMessage', { messages: [], maxTokens: 10 }).then(asText);
    case 'elicit':
      return req.request('elicitation/create', ELICIT_FORM).then(asText);
    case 'roots':
      return req.request('roots/list').then(asText);
    default:
      return toolCall(req);
  }
}

export const ELICIT_FORM = {
  message: 'Who?',
  requestedSchema: {
    type: 'object',
    properties: { name: { type: 'string', default: 'Ada' }, age: { type: 'integer', default: 36 } },
  },
};
