import {
  type CallToolResult,
  type ClientCapabilities,
  type CompleteResult,
  ErrorCode,
  type GetPromptResult,
  type Implementation,
  type JsonObject,
  type LoggingLevel,
  McpError,
  type PromptReference,
  type ReadResourceResult,
  type ResourceTemplateReference,
  type ServerCapabilities,
  type Session,
} from '@mcpkit/core';
import type {
  CallOptions,
  CallToolOptions,
  CompletionArgument,
  McpClient,
  ToolFunctionMap,
} from './client-types.js';
import type { Era } from './handlers.js';
import type { ListenFilter, ListenHandle, ListenNotification, ListenRegistry } from './listen.js';
import { Lister } from './lister.js';
import type { Negotiated } from './negotiate.js';
import type { Requester } from './requester.js';
import { toolFunctionMap } from './tool-functions.js';
import {
  declaresWrappedResult,
  looksWrapped,
  ToolCallError,
  type ToolCallResult,
  type ToolCallSuccess,
  toToolCallResult,
} from './tool-result.js';

/** The untyped client over one connection; made by `connectClient`. */
export class CoreClient extends Lister implements McpClient {
  private readonly cleanups: (() => unknown)[] = [];
  private listedForWrap = false;
  private toolFunctions: ToolFunctionMap | undefined;

  constructor(
    private readonly session: Session,
    requester: Requester,
    private readonly negotiated: Negotiated,
    private readonly listeners: ListenRegistry,
    maxPages: number,
  ) {
    super(requester, maxPages);
  }

  get era(): Era {
    return this.negotiated.era;
  }
  get protocolVersion(): string {
    return this.requester.state.protocolVersion;
  }
  get serverInfo(): Implementation {
    return this.negotiated.serverInfo;
  }
  get serverCapabilities(): ServerCapabilities {
    return this.negotiated.capabilities;
  }
  get instructions(): string | undefined {
    return this.negotiated.instructions;
  }
  get capabilities(): ClientCapabilities {
    return this.requester.state.capabilities;
  }
  get closed(): boolean {
    return this.session.closed;
  }
  get done(): Promise<void> {
    return this.session.done;
  }

  /** `client.tools.<name>(args, options)`: the tool's data, or a thrown `ToolCallError` */
  get tools(): ToolFunctionMap {
    this.toolFunctions ??= toolFunctionMap((name, args, options) =>
      this.callTool(name, args, options),
    );
    return this.toolFunctions;
  }

  request(method: string, params?: JsonObject, options?: CallOptions): Promise<JsonObject> {
    return this.requester.request(method, params, options);
  }

  callTool(
    name: string,
    args: Record<string, unknown> | undefined,
    options: CallToolOptions & { throwOnError: true },
  ): Promise<ToolCallSuccess>;
  callTool(
    name: string,
    args?: Record<string, unknown>,
    options?: CallToolOptions,
  ): Promise<ToolCallResult>;
  async callTool(
    name: string,
    args?: Record<string, unknown>,
    options: CallToolOptions = {},
  ): Promise<ToolCallResult> {
    const params = { name, arguments: args ?? {} };
    const raw = (await this.requester.request(
      'tools/call',
      params,
      options,
    )) as unknown as CallToolResult;
    const result = toToolCallResult(raw, await this.isWrapped(name, raw.structuredContent));
    if (result.isError && options.throwOnError) throw new ToolCallError(name, result);
    return result;
  }

  async readResource(uri: string, options?: CallOptions): Promise<ReadResourceResult> {
    return (await this.requester.request(
      'resources/read',
      { uri },
      options,
    )) as unknown as ReadResourceResult;
  }

  async getPrompt(
    name: string,
    args?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<GetPromptResult> {
    const params: JsonObject = { name };
    if (args) params.arguments = stringArguments(args);
    return (await this.requester.request(
      'prompts/get',
      params,
      options,
    )) as unknown as GetPromptResult;
  }

  async complete(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context?: Record<string, string>,
    options?: CallOptions,
  ): Promise<CompleteResult['completion']> {
    const params: JsonObject = { ref, argument };
    if (context) params.context = { arguments: context };
    const result = (await this.requester.request(
      'completion/complete',
      params,
      options,
    )) as unknown as CompleteResult;
    return result.completion;
  }

  async ping(options?: CallOptions): Promise<void> {
    await this.requester.request(
      this.era === 'handshake' ? 'ping' : 'server/discover',
      undefined,
      options,
    );
  }

  async setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void> {
    if (this.era === 'handshake')
      await this.requester.request('logging/setLevel', { level }, options);
    this.requester.state.logLevel = level;
  }

  async subscribeResource(uri: string, options?: CallOptions): Promise<void> {
    this.handshakeOnly('resources/subscribe');
    await this.requester.request('resources/subscribe', { uri }, options);
  }

  async unsubscribeResource(uri: string, options?: CallOptions): Promise<void> {
    this.handshakeOnly('resources/unsubscribe');
    await this.requester.request('resources/unsubscribe', { uri }, options);
  }

  listen(
    filter: ListenFilter,
    onNotification: (notification: ListenNotification) => void,
  ): Promise<ListenHandle> {
    if (this.era === 'stateless') {
      return this.listeners.listenStateless(this.session, this.requester, filter, onNotification);
    }
    return this.listeners.listenHandshake(
      this.requester,
      this.serverCapabilities,
      filter,
      onNotification,
      this.done,
    );
  }

  async sendRootsListChanged(): Promise<void> {
    // The stateless era has no such notification: the server asks for roots on each request.
    if (this.era === 'handshake') await this.session.notify('notifications/roots/list_changed');
  }

  /** Run `cleanup` after the connection closes (the source's server connection, a child process). */
  onClose(cleanup: () => unknown): void {
    this.cleanups.push(cleanup);
  }

  async close(): Promise<void> {
    try {
      await this.session.close();
    } finally {
      for (const cleanup of this.cleanups.splice(0)) await cleanup();
    }
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private handshakeOnly(method: string): void {
    if (this.era === 'handshake') return;
    throw new McpError(
      ErrorCode.MethodNotFound,
      `${method} does not exist in the stateless era (${this.protocolVersion}); use listen({ resourceSubscriptions })`,
    );
  }

  /**
   * Is this structuredContent a non-object output wrapped as `{ result }`? Only the tool's
   * output schema can say; it is looked up (listing tools once) only for that exact shape.
   */
  private async isWrapped(name: string, structured: unknown): Promise<boolean> {
    if (!looksWrapped(structured)) return false;
    if (!this.toolDefs.has(name) && !this.listedForWrap) {
      this.listedForWrap = true;
      await this.listTools().catch(() => undefined);
    }
    return declaresWrappedResult(this.toolDefs.get(name));
  }
}

/** Prompt arguments are strings on the wire: anything else travels as JSON. */
function stringArguments(args: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
