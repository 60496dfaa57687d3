import type {
  ClientCapabilities,
  CompleteResult,
  GetPromptResult,
  Implementation,
  JsonObject,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  LoggingLevel,
  Progress,
  Prompt,
  PromptReference,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  ResourceTemplateReference,
  ServerCapabilities,
  Tool,
} from '@mcpkit/core';
import type { ClientHandlers, Era } from './handlers.js';
import type { ListenFilter, ListenHandle, ListenNotification } from './listen.js';
import type { ToolCallResult, ToolCallSuccess } from './tool-result.js';

/** How the client picks the protocol era. */
export type EraMode = 'auto' | 'stateless' | 'handshake';

/** Options of `connectClient` and `createClient`. */
export interface ClientOptions {
  /** sent as clientInfo (default `{ name: 'mcpkit-client', version: '0.1.0' }`) */
  clientInfo?: Implementation;
  /** `'auto'` (default) probes `server/discover` and falls back to `initialize` */
  mode?: EraMode;
  /** sampling, elicitation, roots, logs, progress, list changes */
  handlers?: ClientHandlers;
  /** capabilities merged over those derived from `handlers` */
  capabilities?: ClientCapabilities;
  /** default per-request timeout in ms (60 000); 0 disables */
  timeoutMs?: number;
  /** log level asked for from the start (stateless: sent on every request) */
  logLevel?: LoggingLevel;
  /** how many `input_required` answers one call may get before it fails (8) */
  maxInputRounds?: number;
  /** page cap of the auto-paginated `list*` calls (100) */
  maxPages?: number;
  /** key under which the era verdict for this server is remembered (e.g. its URL) */
  cacheKey?: string;
  /** non-fatal problems (undeliverable messages, handler errors) */
  onError?: (error: Error) => void;
}

/** Options of one call. */
export interface CallOptions {
  /** ms without a response before the call fails (default: the client's) */
  timeoutMs?: number;
  /** asks for progress; replaces the client-wide `handlers.progress` for this call */
  onProgress?: (progress: Progress) => void;
  /** restart the timeout on each progress notification */
  resetTimeoutOnProgress?: boolean;
  /** hard cap in ms, progress or not */
  maxTotalTimeoutMs?: number;
  /** abort to cancel the call (the server is told) */
  signal?: AbortSignal;
  /** extra request `_meta` */
  meta?: Record<string, unknown>;
}

/** Options of `callTool`. */
export interface CallToolOptions extends CallOptions {
  /** throw a `ToolCallError` when the tool reports `isError` */
  throwOnError?: boolean;
}

/** Options of the auto-paginated list calls. */
export interface ListOptions extends CallOptions {
  /** overrides the client's page cap */
  maxPages?: number;
}

/** An argument to complete, with the value typed so far. */
export interface CompletionArgument {
  name: string;
  value: string;
}

/** Tools as functions: `tools.greet({ name })` resolves to the tool's data. */
export type ToolFunctionMap = Readonly<
  Record<string, (args?: Record<string, unknown>, options?: CallOptions) => Promise<unknown>>
>;

/** A connected MCP client, either era. Untyped: see `createClient` for the typed facade. */
export interface McpClient extends AsyncDisposable {
  /** the era negotiated with this server */
  readonly era: Era;
  readonly protocolVersion: string;
  readonly serverInfo: Implementation;
  readonly serverCapabilities: ServerCapabilities;
  readonly instructions: string | undefined;
  /** the capabilities this client declares */
  readonly capabilities: ClientCapabilities;
  readonly closed: boolean;
  /** resolves once the connection is gone */
  readonly done: Promise<void>;

  /** every page; tools with invalid `x-mcp-header` marks (SEP-2243) are left out */
  listTools(options?: ListOptions): Promise<Tool[]>;
  listToolsPage(cursor?: string, options?: CallOptions): Promise<ListToolsResult>;
  listResources(options?: ListOptions): Promise<Resource[]>;
  listResourcesPage(cursor?: string, options?: CallOptions): Promise<ListResourcesResult>;
  listResourceTemplates(options?: ListOptions): Promise<ResourceTemplate[]>;
  listResourceTemplatesPage(
    cursor?: string,
    options?: CallOptions,
  ): Promise<ListResourceTemplatesResult>;
  listPrompts(options?: ListOptions): Promise<Prompt[]>;
  listPromptsPage(cursor?: string, options?: CallOptions): Promise<ListPromptsResult>;

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
  readResource(uri: string, options?: CallOptions): Promise<ReadResourceResult>;
  /** non-string argument values are sent as JSON */
  getPrompt(
    name: string,
    args?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<GetPromptResult>;
  complete(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context?: Record<string, string>,
    options?: CallOptions,
  ): Promise<CompleteResult['completion']>;
  /** handshake era: `ping`; stateless era (no ping there): a `server/discover` round trip */
  ping(options?: CallOptions): Promise<void>;
  /** handshake era: `logging/setLevel`; stateless era: sent as `_meta` logLevel on later requests */
  setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void>;
  /** handshake era only; use `listen` in either era */
  subscribeResource(uri: string, options?: CallOptions): Promise<void>;
  unsubscribeResource(uri: string, options?: CallOptions): Promise<void>;
  /**
   * Receive list changes and resource updates: `subscriptions/listen` in the stateless era,
   * subscribe + list_changed notifications in the handshake era.
   */
  listen(
    filter: ListenFilter,
    onNotification: (notification: ListenNotification) => void,
  ): Promise<ListenHandle>;
  /** handshake era: tell the server the roots changed; stateless era: nothing to send */
  sendRootsListChanged(): Promise<void>;
  /** each tool as a function resolving to its data; a tool error throws `ToolCallError` */
  readonly tools: ToolFunctionMap;
  /** any request, with the era's envelope and input loop applied */
  request(method: string, params?: JsonObject, options?: CallOptions): Promise<JsonObject>;
  close(): Promise<void>;
}
