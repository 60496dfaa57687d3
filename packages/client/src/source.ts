import { isServerEndpoint, type ServerEndpoint, type Transport } from '@mcpkit/core';
import { splitCommandLine } from './command-line.js';

/** A server started as a child process and spoken to over stdio. */
export interface StdioServerConfig {
  command: string;
  args?: readonly string[];
  /** added to the transport's safe default environment */
  env?: Readonly<Record<string, string>>;
  cwd?: string;
}

/** A server reached over HTTP: Streamable HTTP, or legacy SSE when asked (or when it looks legacy). */
export interface HttpServerConfig {
  url: string | URL;
  headers?: Readonly<Record<string, string>>;
  /** force one transport; default: Streamable HTTP, legacy SSE for paths ending in `/sse` */
  transport?: 'http' | 'sse';
}

/**
 * Where a server is: a server definition (in memory), a Transport, an http(s) URL,
 * a command line or script path (stdio), or a config object.
 */
export type ServerSource =
  | ServerEndpoint
  | Transport
  | string
  | URL
  | StdioServerConfig
  | HttpServerConfig;

/** Several servers at once: one multi-server client with prefixed names. */
export interface McpServersConfig {
  mcpServers: Readonly<Record<string, ServerSource>>;
}

/** How to reach a source, decided without touching the network or spawning anything. */
export type SourcePlan =
  | { kind: 'memory'; server: ServerEndpoint }
  | { kind: 'transport'; transport: Transport }
  | {
      kind: 'http' | 'sse';
      url: URL;
      headers: Readonly<Record<string, string>> | undefined;
      key: string;
    }
  | {
      kind: 'stdio';
      config: StdioServerConfig;
      key: string;
      /** `config.command` is a script path: @mcpkit/stdio picks its interpreter */
      script?: true;
    };

export const isTransport = (value: unknown): value is Transport =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Transport).start === 'function' &&
  typeof (value as Transport).send === 'function' &&
  typeof (value as Transport).close === 'function';

export const isMcpServersConfig = (value: unknown): value is McpServersConfig =>
  typeof value === 'object' && value !== null && 'mcpServers' in value;

/** Classify a source. */
export function planSource(source: ServerSource): SourcePlan {
  if (isServerEndpoint(source)) return { kind: 'memory', server: source };
  if (isTransport(source)) return { kind: 'transport', transport: source };
  if (source instanceof URL) return httpPlan(source, undefined, undefined);
  if (typeof source === 'string') {
    if (/^https?:\/\//i.test(source.trim()))
      return httpPlan(new URL(source.trim()), undefined, undefined);
    const [command, ...args] = splitCommandLine(source);
    if (!command) throw new TypeError('An empty command cannot start a server');
    return stdioPlan({ command, args });
  }
  if ('url' in source) return httpPlan(new URL(source.url), source.headers, source.transport);
  if ('command' in source && typeof source.command === 'string') return stdioPlan(source);
  throw new TypeError(`Not a server source: ${JSON.stringify(source)}`);
}

function httpPlan(
  url: URL,
  headers: HttpServerConfig['headers'],
  transport: HttpServerConfig['transport'],
): SourcePlan {
  const kind = transport ?? (/\/sse\/?$/.test(url.pathname) ? 'sse' : 'http');
  return { kind, url, headers, key: url.href };
}

/** Scripts run under their interpreter (chosen by @mcpkit/stdio); anything else runs as given. */
function stdioPlan(config: StdioServerConfig): SourcePlan {
  const key = [config.command, ...(config.args ?? [])].join(' ');
  return SCRIPT.test(config.command)
    ? { kind: 'stdio', config, key, script: true }
    : { kind: 'stdio', config, key };
}

const SCRIPT = /\.(?:[cm]?[jt]s|py)$/i;
