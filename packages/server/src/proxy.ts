import type { ServerBuilder } from './builder.js';
import { backendFactory } from './client-loader.js';
import { createServer } from './create-server.js';
import type { HasServerTypes, ServerTypes } from './infer.js';
import { composable } from './mount.js';
import { BackendPool } from './proxy-backend.js';
import { Mirror } from './proxy-mirror.js';
import type { ProxyForwarding } from './proxy-route.js';
import {
  describeBackend,
  isBackendClient,
  isMcpServers,
  type McpServersSource,
  type ProxySource,
} from './proxy-source.js';
import type { ServerOptions } from './types.js';

/** Options of `createProxy()`: the proxy's own server options, and how it reaches the backend. */
export interface ProxyOptions extends Partial<Omit<ServerOptions<undefined>, 'lifespan'>> {
  /**
   * One backend connection for all the proxy's clients (fine for stateless backends). Default:
   * each proxy-side connection gets its own, and each sessionless request one of its own.
   */
  shareBackend?: boolean;
  /** which backend messages reach the proxy's clients (all by default) */
  forward?: ProxyForwarding;
  /** options for @mcpkit/client's `createClient()` (headers, stderr, mode, timeoutMs, …) */
  clientOptions?: Readonly<Record<string, unknown>>;
}

/** The types a proxy's builder carries when the backend's are not given: any name. */
export interface UnknownServer {
  readonly '~types': ServerTypes;
}

/**
 * A server whose components are those of another MCP server: a URL, a command or script path,
 * an `{ mcpServers }` config (one proxy, each backend prefixed by its name), an in-memory
 * server, a connected client, or a client factory. It is a normal builder: add components,
 * middleware, transformations, or mount it into another server.
 * @example
 * const remote = createProxy('https://example.com/mcp', { name: 'remote' });
 * main.mount(remote, { prefix: 'remote' });
 * // typed, when the backend's definition is at hand:
 * const typed = createProxy<typeof weather>('node weather.js');
 */
export function createProxy<S extends HasServerTypes = UnknownServer>(
  source: ProxySource,
  options: ProxyOptions = {},
): ServerBuilder<S['~types']> {
  return (isMcpServers(source)
    ? proxyAll(source, options)
    : proxyOne(source, options)) as unknown as ServerBuilder<S['~types']>;
}

function proxyOne(source: Exclude<ProxySource, McpServersSource>, options: ProxyOptions) {
  const { shareBackend, forward = {}, clientOptions, ...serverOptions } = options;
  const label = describeBackend(source);
  const name = serverOptions.name ?? `proxy of ${label}`;
  const version = serverOptions.version ?? '0.1.0';
  const builder = createServer({ ...serverOptions, name, version });
  const server = composable(builder, 'createProxy');
  const backend = backendFactory(source, clientOptions);
  const events = {
    listChanged: (kind: 'tools' | 'prompts' | 'resources') => m.listChanged(kind),
    resourceUpdated: (uri: string) => server.notifier.resourceUpdated(uri),
  };
  const pool = new BackendPool(backend, {
    label,
    clientInfo: { name, version },
    shared: shareBackend === true || isBackendClient(backend),
    forward,
    events,
  });
  const m = new Mirror(pool, server.notifier);
  server.toolRegistry.attach(m.tools);
  server.promptRegistry.attach(m.prompts);
  server.resourceRegistry.attach(m.resources);
  server.templateRegistry.attach(m.templates);
  server.attachments.add({
    prepare: () => m.prepare(),
    close: async () => {
      await m.close();
      await pool.close();
    },
    watchResource: (uri, delta) => m.watch(uri, delta),
    notification: (peer, method) => {
      if (method === 'notifications/roots/list_changed') pool.rootsChanged(peer);
    },
  });
  return builder;
}

/** Several backends: one server mounting a proxy of each under its name (none for a single one). */
function proxyAll(source: McpServersSource, options: ProxyOptions) {
  const names = Object.keys(source.mcpServers);
  if (names.length === 0) throw new TypeError('createProxy(): mcpServers lists no server');
  if (names.length === 1) {
    const only = names[0] as string;
    return proxyOne(source.mcpServers[only]!, { name: only, ...options });
  }
  const { shareBackend, forward, clientOptions, ...serverOptions } = options;
  const main = createServer({
    ...serverOptions,
    name: serverOptions.name ?? 'mcpkit-proxy',
    version: serverOptions.version ?? '0.1.0',
  });
  const backend = { shareBackend, forward, clientOptions };
  for (const name of names) {
    main.mount(proxyOne(source.mcpServers[name]!, { ...backend, name }), { prefix: name });
  }
  return main;
}
