import {
  type CacheScope,
  type Implementation,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type RequestEnv,
  type ServerCapabilities,
  type ServerConnection,
  SUPPORTED_PROTOCOL_VERSIONS,
  type Transport,
  toErrorObject,
} from '@mcpkit/core';
import { Attachments } from './attachments.js';
import type { Listening, ListenOptions, ListKind, ServerBuilder } from './builder.js';
import { declaredCapabilities } from './capabilities.js';
import { handleAlone, openConnection } from './endpoint.js';
import { errorReporter } from './error-mapping.js';
import { importServer } from './import-server.js';
import type { EmptyServerTypes, ServerTypes } from './infer.js';
import { MiddlewareStack } from './middleware.js';
import type { Middleware } from './middleware-types.js';
import { type Composable, composable, type MountOptions, mountServer } from './mount.js';
import { Notifier } from './notifier.js';
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
import type { HookName } from './server-core.js';
import { SkillCatalog, type SkillDefinition } from './skill-catalog.js';
import type { SkillsOptions } from './skill-methods.js';
import { addSkill } from './skills.js';
import { TaskManager } from './task-manager.js';
import { type ToolTransform, transformTool } from './tool-transform.js';
import { createToolEntry, type ToolEntry } from './tools.js';
import type { ErrorInfo, Lifespan, ServerOptions } from './types.js';

type AnyHandler = (input: unknown, ctx: never) => unknown;
type Loose = never;

const TEN_MINUTES = 10 * 60_000;

/** The runtime of a server definition; `createServer()` hands it out typed as a ServerBuilder. */
class McpServer implements Composable {
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
  readonly tasks: TaskManager;
  readonly skillCatalog = new SkillCatalog();
  readonly skillsOptions: Required<SkillsOptions>;
  readonly notifier = new Notifier();
  readonly attachments = new Attachments();
  readonly mounted = new Set<Composable>();
  lifespanValue: unknown;
  private readonly stack = new MiddlewareStack();
  private readonly lifespan: Lifespan<unknown> | undefined;
  readonly reportError: (error: unknown, info: ErrorInfo) => void;
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
    this.reportError = errorReporter(options.onError);
    this.cacheHints = {
      ttlMs: options.cache?.ttlMs ?? 0,
      cacheScope: options.cache?.cacheScope ?? 'private',
    };
    this.stateCodec = new RequestStateCodec(
      options.requestStateSecret,
      options.requestStateTtlMs ?? TEN_MINUTES,
    );
    this.tasks = new TaskManager(options.tasks ?? {}, this.reportError);
    this.skillsOptions = { directoryRead: options.skills?.directoryRead ?? true };
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

  skill(definition: SkillDefinition): this {
    addSkill(this.skillCatalog, this.resourceRegistry, definition);
    return this;
  }

  use(middleware: Middleware<Loose>): this {
    this.stack.add(middleware as Middleware<unknown>);
    return this;
  }

  mount(sub: unknown, options: MountOptions = {}): this {
    mountServer(this, composable(sub, 'mount'), options);
    return this;
  }

  import(sub: unknown, options: MountOptions = {}): this {
    importServer(this, composable(sub, 'import'), options);
    return this;
  }

  transformTool(name: string, spec: ToolTransform<string, Loose>): this {
    transformTool(this.toolRegistry, name, spec as ToolTransform);
    return this;
  }

  middleware(hook: HookName) {
    return this.stack.for(hook);
  }

  capabilities(): ServerCapabilities {
    return declaredCapabilities(this);
  }

  ready(): Promise<void> | undefined {
    return this.started ? undefined : this.start();
  }

  prepare(): Promise<void> | undefined {
    return this.attachments.prepare();
  }

  watchResource(uri: string, delta: 1 | -1): void {
    this.attachments.watchResource(uri, delta);
  }

  hasResource(uri: string): boolean {
    if (this.resourceRegistry.find(uri)) return true;
    return this.templateRegistry.list().some((t) => t.template.match(uri) !== null);
  }

  notifyResourceUpdated(uri: string): void {
    this.notifier.resourceUpdated(uri);
  }

  notifyListChanged(kind: ListKind): void {
    this.notifier.listChanged(kind);
  }

  async connect(transport: Transport): Promise<ServerConnection> {
    if (!this.started) await this.start();
    return openConnection(this, transport, this.connections);
  }

  async handle(request: JsonRpcRequest, env: RequestEnv): Promise<JsonRpcResponse> {
    try {
      if (!this.started) await this.start();
      return { jsonrpc: '2.0', id: request.id, result: await handleAlone(this, request, env) };
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
    await this.tasks.close();
    await this.attachments.close();
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
        await this.attachments.start();
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
): ServerBuilder<EmptyServerTypes, L> {
  return new McpServer(options as ServerOptions<unknown>) as unknown as ServerBuilder<
    EmptyServerTypes,
    L
  >;
}
