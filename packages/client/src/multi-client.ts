import {
  type CompleteResult,
  ErrorCode,
  type GetPromptResult,
  McpError,
  type Prompt,
  type PromptReference,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplate,
  type ResourceTemplateReference,
  type Tool,
} from '@mcpkit/core';
import type { CoreClient } from './client.js';
import type {
  CallOptions,
  CallToolOptions,
  CompletionArgument,
  ListOptions,
  McpClient,
  ToolFunctionMap,
} from './client-types.js';
import { type CreateClientOptions, connectSource } from './connect-source.js';
import { Prefixer } from './prefix.js';
import type { McpServersConfig } from './source.js';
import { toolFunctionMap } from './tool-functions.js';
import type { ToolCallResult, ToolCallSuccess } from './tool-result.js';

/** Options of a multi-server client. */
export interface MultiClientOptions extends CreateClientOptions {
  /** between server name and tool/prompt name (default `_`) */
  separator?: string;
}

/**
 * One client over several servers: names prefixed by server (`weather_forecast`,
 * `file://weather/path`), calls routed back, a failing server reported, not fatal.
 */
export class MultiClient implements AsyncDisposable {
  private readonly prefix: Prefixer;
  private readonly uriOwners = new Map<string, string>();
  private readonly failures: Record<string, Error>;
  private toolFunctions: ToolFunctionMap | undefined;

  constructor(
    /** connected servers by name */
    readonly clients: Readonly<Record<string, McpClient>>,
    failures: Record<string, Error>,
    servers: readonly string[],
    separator: string,
  ) {
    this.failures = failures;
    this.prefix = new Prefixer(servers, separator);
  }

  /** servers that failed to connect, or failed the last listing they took part in */
  get errors(): Readonly<Record<string, Error>> {
    return this.failures;
  }

  async listTools(options?: ListOptions): Promise<Tool[]> {
    return this.gather(
      'tools',
      (c) => c.listTools(options),
      (server, t) => ({ ...t, name: this.prefix.name(server, t.name) }),
    );
  }

  async listPrompts(options?: ListOptions): Promise<Prompt[]> {
    return this.gather(
      'prompts',
      (c) => c.listPrompts(options),
      (server, p) => ({ ...p, name: this.prefix.name(server, p.name) }),
    );
  }

  async listResources(options?: ListOptions): Promise<Resource[]> {
    return this.gather(
      'resources',
      (c) => c.listResources(options),
      (server, r) => {
        const uri = this.prefix.uri(server, r.uri);
        this.uriOwners.set(uri, server);
        return { ...r, uri };
      },
    );
  }

  async listResourceTemplates(options?: ListOptions): Promise<ResourceTemplate[]> {
    return this.gather(
      'resources',
      (c) => c.listResourceTemplates(options),
      (server, t) => ({ ...t, uriTemplate: this.prefix.uri(server, t.uriTemplate) }),
    );
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
    options?: CallToolOptions,
  ): Promise<ToolCallResult> {
    const [client, own] = this.byName(name, 'tool');
    return client.callTool(own, args, options);
  }

  async getPrompt(
    name: string,
    args?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<GetPromptResult> {
    const [client, own] = this.byName(name, 'prompt');
    return client.getPrompt(own, args, options);
  }

  async readResource(uri: string, options?: CallOptions): Promise<ReadResourceResult> {
    const [client, own] = this.byUri(uri);
    return client.readResource(own, options);
  }

  async complete(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context?: Record<string, string>,
    options?: CallOptions,
  ): Promise<CompleteResult['completion']> {
    if (ref.type === 'ref/prompt') {
      const [client, name] = this.byName(ref.name, 'prompt');
      return client.complete({ ...ref, name }, argument, context, options);
    }
    const [client, uri] = this.byUri(ref.uri);
    return client.complete({ ...ref, uri }, argument, context, options);
  }

  /** `client.tools.<prefixed name>(args)`: the tool's data, or a thrown `ToolCallError` */
  get tools(): ToolFunctionMap {
    this.toolFunctions ??= toolFunctionMap((name, args, options) =>
      this.callTool(name, args, options),
    );
    return this.toolFunctions;
  }

  async close(): Promise<void> {
    await Promise.allSettled(Object.values(this.clients).map((c) => c.close()));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** List one kind on every server that offers it; a failing server is recorded and skipped. */
  private async gather<T>(
    capability: 'tools' | 'prompts' | 'resources',
    list: (client: McpClient) => Promise<T[]>,
    rename: (server: string, item: T) => T,
  ): Promise<T[]> {
    const names = Object.keys(this.clients).filter(
      (n) => this.clients[n]?.serverCapabilities[capability],
    );
    const settled = await Promise.allSettled(names.map((n) => list(this.clients[n] as McpClient)));
    const out: T[] = [];
    settled.forEach((outcome, i) => {
      const server = names[i] as string;
      if (outcome.status === 'fulfilled')
        out.push(...outcome.value.map((item) => rename(server, item)));
      else this.failures[server] = toError(outcome.reason);
    });
    return out;
  }

  private byName(prefixed: string, what: string): [McpClient, string] {
    const split = this.prefix.splitName(prefixed);
    const client = split && this.clients[split[0]];
    if (!split || !client) throw this.unknown(what, prefixed, split?.[0]);
    return [client, split[1]];
  }

  private byUri(prefixed: string): [McpClient, string] {
    const split = this.prefix.splitUri(prefixed);
    const owner = split?.[0] ?? this.uriOwners.get(prefixed);
    const client = owner === undefined ? undefined : this.clients[owner];
    if (!client || owner === undefined) throw this.unknown('resource', prefixed, owner);
    return [client, split?.[1] ?? prefixed];
  }

  private unknown(what: string, name: string, server: string | undefined): McpError {
    const why =
      server !== undefined && this.failures[server] ? ` (server ${server} is not connected)` : '';
    return new McpError(ErrorCode.InvalidParams, `Unknown ${what}: ${name}${why}`);
  }
}

/** Connect every server concurrently; fails only when none connects. */
export async function connectMulti(
  config: McpServersConfig,
  options: MultiClientOptions = {},
): Promise<MultiClient> {
  const { separator = '_', ...clientOptions } = options;
  const names = Object.keys(config.mcpServers);
  if (names.length === 0) throw new TypeError('mcpServers lists no server');
  const settled = await Promise.allSettled(
    names.map((name) =>
      connectSource(
        config.mcpServers[name] as McpServersConfig['mcpServers'][string],
        clientOptions,
      ),
    ),
  );
  const clients: Record<string, CoreClient> = {};
  const failures: Record<string, Error> = {};
  settled.forEach((outcome, i) => {
    const name = names[i] as string;
    if (outcome.status === 'fulfilled') clients[name] = outcome.value;
    else failures[name] = toError(outcome.reason);
  });
  if (Object.keys(clients).length === 0) {
    const detail = names.map((n) => `${n}: ${failures[n]?.message}`).join('; ');
    throw new AggregateError(Object.values(failures), `No MCP server could be reached (${detail})`);
  }
  return new MultiClient(clients, failures, names, separator);
}

const toError = (value: unknown): Error =>
  value instanceof Error ? value : new Error(String(value));
