import {
  type CacheScope,
  claimsStatelessEra,
  createSession,
  ErrorCode,
  type Implementation,
  InboundRequest,
  type JsonObject,
  type JsonRpcRequest,
  type JsonRpcResponse,
  McpError,
  type RequestEnv,
  type ServerCapabilities,
  type ServerConnection,
  SUPPORTED_PROTOCOL_VERSIONS,
  type Transport,
  toErrorObject,
} from '@mcpkit/core';
import type { Listening, ListenOptions, ListKind, ServerBuilder } from './builder.js';
import { serveHandshake, serveStateless } from './dispatch.js';
import type { ServerTypes } from './infer.js';
import { MiddlewareStack } from './middleware.js';
import type { Middleware } from './middleware-types.js';
import { Notifier } from './notifier.js';
import { Peer } from './peer.js';
import { createPromptEntry, type PromptEntry } from './prompts.js';
import { Registry, tagFilter } from './registry.js';
import { RequestStateCodec } from './request-state.js';
import {
  createResourceEntry,
  createTemplateEntry,
  type ResourceEntry,
  type TemplateEntry,
} from './resources.js';
import { serveWith } from './serve.js';
import type { HookName, ServerCore } from './server-core.js';
import { createToolEntry, type ToolEntry } from './tools.js';
import type { Lifespan, ServerOptions } from './types.js';

type AnyHandler = (input: unknown, ctx: never) => unknown;
type Loose = never;

const TEN_MINUTES = 10 * 60_000;

/** The runtime of a server definition; `createServer()` hands it out typed as a ServerBuilder. */
class McpServer implements ServerCore {
  declare readonly '~types': ServerTypes;
  readonly name: string;
  readonly version: string;
  readonly serverInfo: Implementation;
  readonly serverInfoMeta: { name: string; version: string };
  readonly instructions: string | undefined;
  readonly pageSize: number | undefined;
  readonly maskErrorDetails: boolean;
  readonly cacheHints: { ttlMs: number; cacheScope: CacheScope };
  readonly protocolVersions = SUPPORTED_PROTOCOL_VERSIONS;
  readonly toolRegistry: Registry<ToolEntry>;
  readonly resourceRegistry: Registry<ResourceEntry>;
  readonly templateRegistry: Registry<TemplateEntry>;
  readonly promptRegistry: Registry<PromptEntry>;
  readonly stateCodec: RequestStateCodec;
  readonly notifier = new Notifier();
  lifespanValue: unknown;
  private readonly stack = new MiddlewareStack();
  private readonly lifespan: Lifespan<unknown> | undefined;
  private starting: Promise<void> | undefined;
  private started = false;
  private closeController = new AbortController();
  private readonly connections = new Set<ServerConnection>();
  private readonly listening = new Set<Listening>();

  constructor(options: ServerOptions<unknown>) {
    const { name, version } = options;
    if (typeof name !== 'string' || typeof version !== 'string') {
      throw new TypeError('createServer() needs a name and a version');
    }
    this.name = name;
    this.version = version;
    const info: Implementation = { name, version };
    if (options.title !== undefined) info.title = options.title;
    if (options.description !== undefined) info.description = options.description;
    if (options.icons) info.icons = options.icons;
    if (options.websiteUrl !== undefined) info.websiteUrl = options.websiteUrl;
    this.serverInfo = info;
    this.serverInfoMeta = { name, version };
    this.instructions = options.instructions;
    this.pageSize = options.pageSize && options.pageSize > 0 ? options.pageSize : undefined;
    this.maskErrorDetails = options.maskErrorDetails ?? false;
    this.cacheHints = {
      ttlMs: options.cache?.ttlMs ?? 0,
      cacheScope: options.cache?.cacheScope ?? 'private',
    };
    this.stateCodec = new RequestStateCodec(
      options.requestStateSecret,
      options.requestStateTtlMs ?? TEN_MINUTES,
    );
    this.lifespan = options.lifespan;
    const policy = options.onDuplicate ?? 'error';
    const visible = tagFilter(options.includeTags, options.excludeTags);
    const changed = (kind: ListKind) => () => this.notifier.listChanged(kind);
    this.toolRegistry = new Registry('tool', policy, visible, changed('tools'));
    this.resourceRegistry = new Registry('resource', policy, visible, changed('resources'));
    this.templateRegistry = new Registry(
      'resource template',
      policy,
      visible,
      changed('resources'),
    );
    this.promptRegistry = new Registry('prompt', policy, visible, changed('prompts'));
  }

  get tools() {
    return this.toolRegistry;
  }
  get resources() {
    return this.resourceRegistry;
  }
  get resourceTemplates() {
    return this.templateRegistry;
  }
  get prompts() {
    return this.promptRegistry;
  }
  get closing(): AbortSignal {
    return this.closeController.signal;
  }

  tool(name: string, def: Parameters<typeof createToolEntry>[1], handler: AnyHandler): this {
    this.toolRegistry.add(createToolEntry(name, def, handler as ToolEntry['handler']));
    return this;
  }

  resource(uri: string, def: Parameters<typeof createResourceEntry>[1], handler: AnyHandler): this {
    this.resourceRegistry.add(createResourceEntry(uri, def, handler as ResourceEntry['handler']));
    return this;
  }

  resourceTemplate(
    uriTemplate: string,
    def: Parameters<typeof createTemplateEntry>[1],
    handler: AnyHandler,
  ): this {
    this.templateRegistry.add(
      createTemplateEntry(uriTemplate, def, handler as TemplateEntry['handler']),
    );
    return this;
  }

  prompt(name: string, def: Parameters<typeof createPromptEntry>[1], handler: AnyHandler): this {
    this.promptRegistry.add(createPromptEntry(name, def, handler as PromptEntry['handler']));
    return this;
  }

  use(middleware: Middleware<Loose>): this {
    this.stack.add(middleware as Middleware<unknown>);
    return this;
  }

  middleware(hook: HookName) {
    return this.stack.for(hook);
  }

  capabilities(): ServerCapabilities {
    const caps: ServerCapabilities = { logging: {} };
    const resources = this.resourceRegistry.size + this.templateRegistry.size;
    if (this.promptRegistry.size + this.templateRegistry.size > 0) caps.completions = {};
    if (this.promptRegistry.size > 0) caps.prompts = { listChanged: true };
    if (resources > 0) caps.resources = { subscribe: true, listChanged: true };
    if (this.toolRegistry.size > 0) caps.tools = { listChanged: true };
    return caps;
  }

  notifyResourceUpdated(uri: string): void {
    this.notifier.resourceUpdated(uri);
  }

  notifyListChanged(kind: ListKind): void {
    this.notifier.listChanged(kind);
  }

  async connect(transport: Transport): Promise<ServerConnection> {
    if (!this.started) await this.start();
    let peer: Peer | undefined;
    const session = createSession({
      transport,
      onRequest: (req) =>
        claimsStatelessEra(req)
          ? serveStateless(this, req, undefined)
          : serveHandshake(this, req, peer),
      onClose: () => {
        if (peer) this.notifier.removePeer(peer);
        this.connections.delete(connection);
      },
    });
    peer = new Peer(session);
    const connection: ServerConnection = { session, close: () => session.close() };
    this.notifier.addPeer(peer);
    this.connections.add(connection);
    await session.start();
    return connection;
  }

  async handle(request: JsonRpcRequest, env: RequestEnv): Promise<JsonRpcResponse> {
    try {
      if (!this.started) await this.start();
      const req = new InboundRequest(request, env.info, {
        notify: async (method, params) => {
          await env.notify(
            params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
          );
        },
        request: (method) =>
          Promise.reject(
            new McpError(
              ErrorCode.InvalidRequest,
              `Cannot send ${method} to the client: this request has no channel for it`,
            ),
          ),
      });
      const header = env.info?.headers?.['mcp-protocol-version'];
      const result: JsonObject = claimsStatelessEra(request, header)
        ? await serveStateless(this, req, undefined)
        : await serveHandshake(this, req, undefined);
      return { jsonrpc: '2.0', id: request.id, result };
    } catch (error) {
      return { jsonrpc: '2.0', id: request.id, error: toErrorObject(error) };
    }
  }

  async listen(options: ListenOptions = {}): Promise<Listening> {
    if (!this.started) await this.start();
    const inner = await serveWith(this, options);
    const handle: Listening = {
      ...inner,
      close: async () => {
        this.listening.delete(handle);
        await inner.close();
      },
    };
    this.listening.add(handle);
    return handle;
  }

  async close(): Promise<void> {
    this.closeController.abort(new Error('Server closed'));
    this.closeController = new AbortController();
    await Promise.allSettled([...this.listening].map((l) => l.close()));
    await Promise.allSettled([...this.connections].map((c) => c.close()));
    if (this.started) {
      this.started = false;
      this.starting = undefined;
      const value = this.lifespanValue;
      this.lifespanValue = undefined;
      await this.lifespan?.stop?.(value);
    }
  }

  /** Run the lifespan's start hook once, before the first request is served. */
  private start(): Promise<void> {
    this.starting ??= (async () => {
      try {
        this.lifespanValue = this.lifespan ? await this.lifespan.start() : undefined;
        this.started = true;
      } catch (error) {
        this.starting = undefined;
        throw error;
      }
    })();
    return this.starting;
  }
}

/**
 * Define an MCP server. Chain `.tool()`, `.resource()`, `.resourceTemplate()`, `.prompt()` and
 * `.use()`; serve it with `server.listen()`, any transport package, or `createClient(server)`.
 * @example
 * const server = createServer({ name: 'demo', version: '1.0.0' })
 *   .tool('greet', { input: z.object({ name: z.string() }) }, ({ name }) => `Hello, ${name}!`);
 * await server.listen(); // stdio
 */
export function createServer<L = undefined>(
  options: ServerOptions<L>,
): ServerBuilder<
  { tools: Record<never, never>; prompts: Record<never, never>; resources: Record<never, never> },
  L
> {
  return new McpServer(options as ServerOptions<unknown>) as unknown as ServerBuilder<
    { tools: Record<never, never>; prompts: Record<never, never>; resources: Record<never, never> },
    L
  >;
}
