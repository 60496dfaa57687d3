import {
  type ClientCapabilities,
  type CreateMessageParams,
  type CreateMessageResult,
  type ElicitRequestParams,
  type ElicitResult,
  type Implementation,
  isServerEndpoint,
  type JsonObject,
  type LoggingMessageNotificationParams,
  type Progress,
  type Prompt,
  type Resource,
  type ResourceTemplate,
  type Root,
  type ServerCapabilities,
  type ServerEndpoint,
  type SubscriptionFilter,
  type Tool,
} from '@mcpkit/core';

/** Options of one forwarded request (those of @mcpkit/client's `request()`). */
export interface BackendCallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  timeoutMs?: number;
  resetTimeoutOnProgress?: boolean;
  meta?: Record<string, unknown>;
}

/** A running `listen()` of a backend client. */
export interface BackendListen {
  readonly done: Promise<void>;
  close(): Promise<void>;
}

/**
 * What a proxy needs from a connected client: @mcpkit/client's `createClient()` result fits.
 * Structural, so @mcpkit/server does not depend on the client package.
 */
export interface BackendClient {
  readonly serverCapabilities: ServerCapabilities;
  readonly serverInfo: Implementation;
  readonly instructions?: string | undefined;
  readonly closed: boolean;
  listTools(): Promise<Tool[]>;
  listResources(): Promise<Resource[]>;
  listResourceTemplates(): Promise<ResourceTemplate[]>;
  listPrompts(): Promise<Prompt[]>;
  request(method: string, params?: JsonObject, options?: BackendCallOptions): Promise<JsonObject>;
  listen(
    filter: SubscriptionFilter,
    onNotification: (n: { method: string; params: Record<string, unknown> | undefined }) => void,
  ): Promise<BackendListen>;
  sendRootsListChanged?(): Promise<void>;
  close(): Promise<void>;
}

/** The callbacks a backend client must be given (@mcpkit/client's `handlers` option). */
export interface BackendHandlers {
  sampling?: (params: CreateMessageParams) => Promise<CreateMessageResult>;
  elicitation?: (params: ElicitRequestParams) => Promise<ElicitResult>;
  roots?: () => Promise<Root[]>;
  log: (params: LoggingMessageNotificationParams) => void;
  listChanged: (kind: 'tools' | 'prompts' | 'resources') => void;
  resourceUpdated: (uri: string) => void;
  elicitationComplete: (elicitationId: string) => void;
}

/** What a client factory receives: pass these to `createClient(source, options)`. */
export interface BackendClientOptions {
  clientInfo: Implementation;
  handlers: BackendHandlers;
  capabilities?: ClientCapabilities;
  /** the proxy filters by its own clients' levels, so it asks the backend for everything */
  logLevel: 'debug';
}

/** Makes a new backend connection, e.g. `(options) => createClient(url, options)`. */
export type BackendFactory = (options: BackendClientOptions) => Promise<BackendClient>;

/** A stdio server config, as in `mcpServers` files. */
export interface StdioBackend {
  command: string;
  args?: readonly string[];
  env?: Readonly<Record<string, string>>;
  cwd?: string;
}

/** An HTTP server config, as in `mcpServers` files. */
export interface HttpBackend {
  url: string | URL;
  headers?: Readonly<Record<string, string>>;
  transport?: 'http' | 'sse';
}

/** One backend: what @mcpkit/client's `createClient()` takes, a factory, or a connected client. */
export type ProxyBackend =
  | string
  | URL
  | StdioBackend
  | HttpBackend
  | ServerEndpoint
  | BackendFactory
  | BackendClient;

/** Several backends: one proxy, each backend's components prefixed by its name. */
export interface McpServersSource {
  mcpServers: Readonly<Record<string, ProxyBackend>>;
}

/** What `createProxy()` proxies. */
export type ProxySource = ProxyBackend | McpServersSource;

export const isMcpServers = (source: ProxySource): source is McpServersSource =>
  typeof source === 'object' && source !== null && 'mcpServers' in source;

export const isBackendClient = (source: unknown): source is BackendClient =>
  typeof source === 'object' &&
  source !== null &&
  typeof (source as BackendClient).request === 'function' &&
  typeof (source as BackendClient).listTools === 'function' &&
  'serverCapabilities' in source;

/** A short name of a backend for error messages. */
export function describeBackend(source: ProxyBackend): string {
  if (typeof source === 'string') return source;
  if (source instanceof URL) return source.href;
  if (typeof source === 'function') return 'a client factory';
  if (isBackendClient(source)) return source.serverInfo?.name ?? 'a client';
  if (isServerEndpoint(source)) {
    const name = (source as { name?: unknown }).name;
    return typeof name === 'string' ? name : 'an in-memory server';
  }
  if ('url' in source) return String(source.url);
  if ('command' in source) return [source.command, ...(source.args ?? [])].join(' ');
  return 'the backend';
}
